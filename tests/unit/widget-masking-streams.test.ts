/**
 * Fifth pass on what a recording lets out (issue #12): text still being written (a chat answer streamed in token by
 * token records every half-written state: a card, an account number, a key or a token before it is whole), an
 * address split over blocks (<div>jane.doe</div><div>@example.com</div>) and an address with spaced dots.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns, maskTail } from "../../widget/capture/patterns.js";
import { makeGrowth, type RunNodes } from "../../widget/recorder/runs.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";
import { sanitizeOnPage } from "../helpers/mask-edges.js";
import { JWT, KEYS, READABLE } from "../helpers/mask-cases.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);
const text = (textContent: string) => ({ type: 3, textContent });
const el = (tagName: string, childNodes: object[] = []) => ({ type: 2, tagName, attributes: {}, childNodes });
const snapshot = (...childNodes: object[]) => ({ type: 2, data: { node: { type: 0, childNodes } } });

/** Every state of `whole` written `step` characters at a time, as the recording sees them. */
const states = (whole: string, step = 3) =>
  Array.from({ length: Math.ceil(whole.length / step) }, (_, i) => whole.slice(0, (i + 1) * step));

describe("the end of a text still being written", () => {
  test.each([
    ["a card", "Your card 4111 1111 1111 1111 was declined.", ["1111 1111", "4111 111"]],
    ["an IBAN", "Refunds go to DE89 3704 0044 0532 0130 00 soon.", ["0044", "0532", "0130"]],
    ["a Stripe key", `Use ${KEYS.stripe} now.`, [KEYS.stripe.slice(8, 12), KEYS.stripe.slice(-6)]],
    ["a JWT", `Token: ${JWT} ok`, [JWT.slice(3, 9), JWT.slice(40, 46), JWT.slice(-6)]],
    ["a hex key", `Key ${KEYS.hex32} ok`, [KEYS.hex32.slice(12, 18), KEYS.hex32.slice(-6)]],
    ["an AWS secret", `Secret ${KEYS.awsSecret} ok`, [KEYS.awsSecret.slice(12, 18), KEYS.awsSecret.slice(-6)]],
  ])("%s: no half-written state shows it", (_, whole, secrets) => {
    for (const state of states(whole)) {
      const out = maskTail(maskPatterns(state));
      for (const secret of secrets) expect(out, state).not.toContain(secret);
      expect(out.length).toBe(state.length);
    }
  });

  test.each([
    ["a card's first six digits", "Your card 4111 1111 1111 1111 was declined.", "4111 11"],
    ["a card without spaces", "Paid with 4111111111111111 today.", "411111"],
    ["a lower-case IBAN", "iban de89 3704 0044 0532 0130 00 ok", "0044"],
    ["8 characters of a key without a prefix", `Secret ${KEYS.awsSecret} ok`, KEYS.awsSecret.slice(0, 8)],
    ["8 characters of a hex key", `Key ${KEYS.hex32} ok`, KEYS.hex32.slice(0, 8)],
  ])("written one character at a time, %s never show", (_, whole, secret) => {
    for (const state of states(whole, 1)) expect(maskTail(maskPatterns(state)), state).not.toContain(secret);
  });

  test("what is not the start of one stays, and only the end is looked at", () => {
    // Not at the end: the text went on past them.
    for (const readable of READABLE) expect(maskTail(`${readable} ok`)).toBe(`${readable} ok`);
    for (const readable of [
      "Order 4400-1187 shipped",
      "v3.14.0",
      "Call +44 20 7946 0958",
      "INV-2024-0042",
      "Order #123456789",
    ])
      expect(maskTail(readable)).toBe(readable);
    expect(maskTail("Your card 4111 1111 11")).toBe("Your card •••• •••• ••");
    expect(maskTail("Refunds go to DE89 3704 0")).toBe("Refunds go to DE•• •••• •");
    expect(maskTail("Key sk_live_NAVQyn7")).toBe("Key sk_live_•••••••");
  });

  test("the recorder masks the end of a text only while it grows", () => {
    const growing = makeGrowth();
    const sent = (id: number, value: string) => {
      const event = { type: 3, data: { source: 0, texts: [{ id, value }] } };
      sanitizeEvent(event, () => false, mask, undefined, { patterns, growing });
      return event.data.texts[0].value;
    };
    expect(sent(7, "Your card 4111")).toBe("Your card 4111");
    expect(sent(7, "Your card 4111 1111 1")).toBe("Your card •••• •••• •");
    // A text that was replaced, not extended (a counter, a cell), is not text being written.
    expect(sent(8, "Total 12345")).toBe("Total 12345");
    expect(sent(8, "Ref 12345678")).toBe("Ref 12345678");
  });

  test("a text node replaced by a longer one under the same parent (textContent set on every token)", () => {
    const growing = makeGrowth();
    const added = (id: number, textContent: string) => {
      const event = { type: 3, data: { source: 0, adds: [{ parentId: 4, node: { type: 3, id, textContent } }] } };
      sanitizeEvent(event, () => false, mask, undefined, { patterns, growing });
      return event.data.adds[0].node.textContent;
    };
    expect(added(10, "Use ")).toBe("Use ");
    expect(added(11, `Use ${KEYS.stripe.slice(0, 16)}`)).toBe(`Use sk_live_${"•".repeat(8)}`);
  });

  test("a block growing by one text node per token: the run's end is masked", () => {
    const growing = makeGrowth();
    const pieces = ["Card ", "4111", " 1111", " 11"];
    const sent = (n: number) => {
      const texts = pieces.slice(0, n);
      const around = (id: number): RunNodes | undefined =>
        id <= n ? { key: "p", ids: texts.map((_, i) => i + 1), texts } : undefined;
      const event = {
        type: 3,
        data: { source: 0, adds: [{ parentId: 9, node: { type: 3, id: n, textContent: pieces[n - 1] } }] },
      };
      sanitizeEvent(event, () => false, mask, undefined, { patterns, around, growing });
      return JSON.stringify(event);
    };
    sent(2);
    sent(3);
    const last = sent(4);
    expect(last).not.toContain("1111");
    expect(last).not.toContain("4111");
  });
});

describe("an address split over blocks or written with spaces", () => {
  test("split over two blocks, with or without the page's indentation: both halves masked", () => {
    const event = snapshot(
      el("td", [el("div", [text("jane.doe")]), el("div", [text("@split-one.com")])]),
      el("td", [el("p", [text("\n  li.wei\n")]), text("\n"), el("p", [text("\n  @split-two.cn ")])]),
      el("td", [el("div", [text("ops@")]), el("div", [text("split-three.org")])]),
    );
    sanitizeOnPage(event, { patterns }, mask);
    const json = JSON.stringify(event);
    for (const secret of ["jane.doe", "split-one", "li.wei", "split-two", "ops@", "split-three"])
      expect(json).not.toContain(secret);
    expect(json).toContain("\\n  l•");
  });

  test("blocks that only sit next to each other stay: a handle, a version, a heading", () => {
    const event = snapshot(
      el("div", [text("Follow us")]),
      el("div", [text("@handoff")]),
      el("div", [text("Jane Doe")]),
      el("div", [text("react@18.2.0")]),
      el("p", [text("Follow us")]),
      el("p", [text("@handoff.io")]),
    );
    sanitizeOnPage(event, { patterns }, mask);
    const json = JSON.stringify(event);
    for (const kept of ["Follow us", "@handoff", "Jane Doe", "react@18.2.0", "@handoff.io"])
      expect(json).toContain(kept);
  });

  test.each([
    ["rita.costa @ crm-mail . pt", "r•••.••••• @ c••-•••• . pt"],
    ["jane @ example . co . uk", "j••• @ e•••••• . c• . uk"],
    ["Write to jane at example . com.", "Write to j••• at e•••••• . com."],
  ])("spaced dots: %s", (input, masked) => {
    expect(maskPatterns(input)).toBe(masked);
  });

  test("prose with a full stop after at stays", () => {
    for (const prose of ["Lisa at Acme. Then we left.", "Meet me at home. Then go."])
      expect(maskPatterns(prose)).toBe(prose);
  });
});
