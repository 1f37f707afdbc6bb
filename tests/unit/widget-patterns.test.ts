import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";

describe("personal data by pattern (capture/patterns.ts)", () => {
  test("each kind is masked in place, keeping length and shape", () => {
    const cases: [string, string][] = [
      ["Mail jane.doe@example.com today", "Mail j•••.•••@e••••••.com today"],
      ["Card 4111 1111 1111 1111 ok", "Card •••• •••• •••• •••• ok"],
      ["Card 4242-4242-4242-4242", "Card ••••-••••-••••-••••"],
      ["IBAN DE89 3704 0044 0532 0130 00", "IBAN DE•• •••• •••• •••• •••• ••"],
      ["IBAN GB82 WEST 1234 5698 7654 32", "IBAN GB•• •••• •••• •••• •••• ••"],
      ["key sk_live_51HxYzAbCdEfGh12345", "key sk_live_•••••••••••••••••••"],
    ];
    for (const [text, masked] of cases) {
      expect(maskPatterns(text), text).toBe(masked);
      expect(maskPatterns(text).length).toBe(text.length);
    }
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(maskPatterns(`Bearer ${jwt}`)).toBe(`Bearer eyJ${"•".repeat(jwt.length - 3)}`);
    expect(maskPatterns("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")).toMatch(/^sha •{64}$/);
  });

  test("look-alikes stay readable: a failed Luhn or IBAN check, order numbers, long words and paths", () => {
    for (const text of [
      "Order 4111 1111 1111 1112",
      "Ref GB00 WEST 1234 5698 7654 32",
      "Order 12345 shipped on 2024-05-01",
      "/settings/notifications/preferences/email-digest",
      "Internationalization-and-localization-considerations",
    ])
      expect(maskPatterns(text), text).toBe(text);
  });

  test("the user's own email can be kept; every masked piece is reported; the site's rule runs after the patterns", () => {
    expect(maskPatterns("from me@x.example to you@y.example", undefined, (e) => e === "me@x.example")).toBe(
      "from me@x.example to y••@•.example",
    );
    const seen: string[] = [];
    const mask = makeTextMasker({ all: false, patterns: true, custom: (t) => t.replace(/ORD-\d+/g, "ORD-•••") }, (m) =>
      seen.push(m),
    );
    expect(mask("ORD-12 for ann@b.example")).toBe("ORD-••• for a••@•.example");
    expect(seen.length).toBe(2);
    const off = makeTextMasker({ all: false, patterns: false });
    expect(off("a.person@b.example")).toBe("a.person@b.example");
  });

  test("a text seen again (a table cell, the next full snapshot) is masked and reported the same way", () => {
    const text = "Paid by ann@b.example with 4111 1111 1111 1111";
    const first: string[] = [];
    const again: string[] = [];
    const once = maskPatterns(text, (m) => first.push(m));
    expect(maskPatterns(text, (m) => again.push(m))).toBe(once);
    expect(once).toBe("Paid by a••@•.example with •••• •••• •••• ••••");
    expect(again).toEqual(first);
    expect(first.length).toBe(2);
    // The user's own address stays, even for a text masked before without that exception.
    expect(maskPatterns(text, undefined, (e) => e === "ann@b.example")).toBe(
      "Paid by ann@b.example with •••• •••• •••• ••••",
    );
  });
});
