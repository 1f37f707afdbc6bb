/**
 * Eleventh pass on what a recording lets out (issue #12): cards, IBANs and keys in attributes no rule names (a custom
 * element's customer-iban), attributes written with invisible characters or full-width digits, a card or an address
 * spread over inline elements next to an icon or inside custom elements, and one built up over several mutations
 * (the pieces recorded first are masked where they were recorded).
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { type Found, join, unhide } from "../../widget/recorder/edges.js";
import { maskAcross, type RunNodes, runOnPage } from "../../widget/recorder/runs.js";
import { type EmittedEvent, sanitizeEvent } from "../../widget/recorder/sanitize.js";
import { el, sanitized, snapshot, text } from "../helpers/mask-edges.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (t: string) => maskPatterns(t);
const noPage = { getNode: () => null, getId: () => -1 };
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

describe("attributes no rule names", () => {
  test("a custom element's card, IBAN, key or token: masked; what replay loads and SVG geometry as written", () => {
    const attributes = {
      "customer-iban": "DE89 3704 0044 0532 0130 00",
      "card-number": "5555 5555 5555 4444",
      "api-key": "sk_live_51HxAbCdEfGhIjKlMn0pQ",
      "ng-reflect-session": JWT,
      srcset: "https://cdn.example/4242424242424242.jpg 2x",
      d: "M4111 1111 1111 1111 L0 0",
      variant: "primary",
    };
    const change = { type: 3, data: { source: 0, attributes: [{ id: 9, attributes: { ...attributes } }] } };
    for (const json of [sanitized(snapshot(el("x-row", { ...attributes }))), sanitized(change)]) {
      for (const leak of ["3704 0044", "5555 4444", "51HxAbCd", JWT.slice(0, 30)]) expect(json).not.toContain(leak);
      for (const kept of ["DE•• ••••", "•••• •••• •••• ••••", "sk_live_•••", "cdn.example/4242424242424242.jpg 2x"])
        expect(json).toContain(kept);
      expect(json).toContain('"d":"M4111 1111 1111 1111 L0 0"');
      expect(json).toContain('"variant":"primary"');
    }
  });
});

describe("spread over inline elements", () => {
  test("next to an icon (<img>, <svg>) or in custom elements: masked as one text", () => {
    const groups = (tag: string, card: string) =>
      card.split(" ").flatMap((g, i) => [...(i ? [text(" ")] : []), el(tag, {}, [text(g)])]);
    const json = sanitized(
      snapshot(
        el("p", {}, [
          el("img", { src: "x.png" }),
          text("Card "),
          ...groups("span", "5105 1051 0510 5100"),
          text(" ok"),
        ]),
        el("p", {}, [text("Card "), ...groups("x-g", "4111 1111 1111 1111")]),
        el("p", {}, [el("svg", {}), text(" mail "), el("b", {}, [text("svgi.name")]), text("@example-svgi.com")]),
      ),
    );
    for (const leak of ["5105", "0510", "4111", "1111", "svgi.name", "example-svgi"]) expect(json).not.toContain(leak);
    for (const kept of ["Card ", " ok", " mail ", '"••••"']) expect(json).toContain(kept);
  });

  test("in a shadow root, changed later: the run is its inline elements' (read from the page)", () => {
    // As the DOM has it: a text's parent is a <span>, whose parentNode is the shadow root and parentElement null.
    const root = { nodeType: 11, childNodes: [] as object[] };
    for (const group of ["3714", "496353", "98431"]) {
      const span = {
        nodeType: 1,
        localName: "span",
        parentNode: root,
        parentElement: null,
        childNodes: [] as object[],
      };
      span.childNodes.push({ nodeType: 3, nodeValue: group, parentNode: span, parentElement: span });
      root.childNodes.push(span, { nodeType: 3, nodeValue: " ", parentNode: root, parentElement: null });
    }
    const last = (root.childNodes[4] as { childNodes: Node[] }).childNodes[0];
    const run = runOnPage(last, () => 1, "[data-handoff-mask]");
    expect(run?.texts.join("")).toBe("3714 496353 98431 ");
    expect(maskAcross(run?.texts ?? [], patterns)?.join("")).toBe("•••• •••••• ••••• ");
  });

  test("not joined across a block: the text inside it is its own", () => {
    const json = sanitized(snapshot(el("div", {}, [text("Ref 4242 4242"), el("div", {}, [text("4242 4242")])])));
    expect(json).toContain("Ref 4242 4242");
    expect(json).toContain('"4242 4242"');
  });
});

describe("attributes with invisible characters or full-width digits", () => {
  test("masked as the page shows them once the joining code has them; the characters stay, so does the rest", () => {
    const attributes = {
      title: "ja\u00adne.t@exa\u00admple-ti.com",
      "aria-label": "Mail ja\u200cne.a@example-al.com",
      alt: "Card ４０１２ ８８８８ ８８８８ １８８１",
      contact: "jane\u2060.c@example-c.com",
      "data-note": "Donau\u00addampf\u00adschiff",
      style: "--n: '４２４２'",
    };
    const event = snapshot(el("x-user", { ...attributes }));
    const found: Found[] = [];
    sanitizeEvent(event, () => false, mask, undefined, { patterns, atEdge: (...f) => found.push(f) });
    expect(found.length).toBeGreaterThan(0);
    join(found, noPage, "", () => [event], patterns, mask)();
    const json = JSON.stringify(event);
    for (const leak of ["mple-ti", "ne.a", "le-al", "８８８８", "jane", "example-c"]) expect(json).not.toContain(leak);
    for (const kept of ["Mail ", "Card ", "Donau\u00addampf\u00adschiff", "--n: '４２４２'", "\u2060"])
      expect(json).toContain(kept);
  });

  test("zero-width joiners in text, as zero-width spaces", () => {
    const out = unhide("zw ja\u200cne.n@example-zwnj.com end \u200d", patterns);
    expect(out).not.toContain("ne.n");
    expect(out).not.toContain("zwnj");
    expect(out.startsWith("zw j")).toBe(true);
  });
});

describe("a URL's secret parameter in the page's text", () => {
  test("a reset link, an invite, a token in a fragment: the value masked once the joining code has it", () => {
    const texts = [
      "Reset link: https://app.example.com/reset?token=Zx81kQ2pL0aa7Hn3 (expires)",
      "Invite: https://app.example.com/join?invite_code=8f7d6a2b&team=acme",
      "Back to https://app.example.com/cb#access_token=ya29.a0AfH6SMBx&expires_in=3599",
      "GET /api/v1/users?api_key=abcd1234efgh5678&page=2 200",
    ];
    const event = snapshot(...texts.map((t) => el("p", {}, [{ ...text(t), id: texts.indexOf(t) + 1 }])));
    const found: Found[] = [];
    sanitizeEvent(event, () => false, mask, undefined, { patterns, atEdge: (...f) => found.push(f) });
    join(found, noPage, "", () => [event], patterns, mask)();
    const json = JSON.stringify(event);
    for (const leak of ["Zx81kQ2p", "8f7d6a2b", "ya29", "abcd1234"]) expect(json).not.toContain(leak);
    for (const kept of [
      "Reset link: https://app.example.com/reset?token=••••",
      " (expires)",
      "&team=acme",
      "&page=2 200",
    ])
      expect(json).toContain(kept);
    expect(json).toContain("&expires_in=3599");
  });
});

describe("built up over several mutations", () => {
  /** Text nodes `ids` of one block, added one per mutation; each event sanitized as the recorder does it. */
  function added(pieces: string[]): EmittedEvent[] {
    const events: EmittedEvent[] = [];
    const found: Found[] = [];
    for (let n = 1; n <= pieces.length; n++) {
      const texts = pieces.slice(0, n);
      const around = (id: number): RunNodes | undefined =>
        id <= n ? { key: "p", ids: texts.map((_, i) => i + 1), texts } : undefined;
      const node = { type: 3, id: n, textContent: pieces[n - 1] };
      const event = { type: 3, data: { source: 0, adds: [{ parentId: 9, node }] } };
      sanitizeEvent(event, () => false, mask, undefined, { patterns, around, atEdge: (...f) => found.push(f) });
      events.push(event);
    }
    join(found, noPage, "", () => events, patterns, mask)();
    return events;
  }

  test("a card one group at a time, an address after its local part: masked where each piece was recorded", () => {
    const card = JSON.stringify(added(["3530", " ", "1113", " ", "3330", " ", "0000"]));
    for (const leak of ["3530", "1113", "3330"]) expect(card).not.toContain(leak);
    const address = JSON.stringify(added(["mut.name", "@", "example-mut.com", " ok"]));
    for (const leak of ["mut.name", "example-mut"]) expect(address).not.toContain(leak);
    expect(address).toContain('"m••.••••"');
    expect(address).toContain('" ok"');
  });

  test("a piece already masked on its own is not sent again", () => {
    const [, second] = added(["Key sk_live_51HxAbCdEfGhIjKlMn0pQ", " and more"]);
    expect(JSON.stringify(second)).not.toContain('"value"');
  });
});

describe("groups separated as a page shows one space", () => {
  test.each([
    ["two spaces (a template's)", "Card 4242 4242  4242 4242 ok"],
    ["a tab", "Card 4242\t4242\t4242\t4242 ok"],
    ["ideographic spaces (Japanese pages)", "Card 4242\u30004242\u30004242\u30004242 ok"],
    ["figure spaces", "Card 4242\u20074242\u20074242\u20074242 ok"],
    ["thin spaces in an IBAN", "Card DE89\u20093704\u20090044\u20090532\u20090130\u200900 ok"],
  ])("%s: masked, the separators kept", (_, text) => {
    const out = patterns(text);
    expect(out).not.toMatch(/\d{4}/);
    expect(out.replace(/\S/g, "x")).toBe(text.replace(/\S/g, "x"));
    expect(out.startsWith("Card ") && out.endsWith(" ok")).toBe(true);
  });

  test("numbers apart stay: an order and an amount, a date and a time", () => {
    for (const text of ["Order 123456  shipped  4242", "2024-05-01\t12:30  4242 4242 4242"])
      expect(patterns(text)).toBe(text);
  });
});

describe("captured text with invisible characters or full-width digits", () => {
  test("click text, console messages, the page title: masked as a reader sees them before the ticket leaves", async () => {
    const g = globalThis as Record<string, unknown>;
    const saved = { location: g.location, document: g.document };
    g.addEventListener ??= () => {};
    g.location = { href: "https://app.example/inbox" };
    g.document = { title: "Inbox - ja\u00adne.title@exa\u00admple-title.com" };
    try {
      const { buildBody } = await import("../../widget/submit.js");
      const click = { t: 1, selector: "button#b1", tag: "button", x: 0, y: 0 };
      const body = buildBody({
        values: { email: "me@x.example", subject: "Help", description: "It broke" },
        identity: {},
        metadata: { plan: "pro", seats: 12 },
        openedAt: 1,
        capture: {
          snapshot: () => ({
            clicks: [
              { ...click, text: "Mail ja\u00adne.click@exa\u00admple-click.com" },
              { ...click, text: "Card ４０００ ００２５ ００００ ３１５５" },
              { ...click, text: "Pay now" },
            ],
            console: [{ t: 1, level: "error", kind: "console", message: "for ja\u200bne.c@exa\u200bmple-c.com" }],
          }),
        } as never,
        events: [],
      });
      const json = JSON.stringify(body);
      for (const leak of ["ne.click", "mple-click", "００２５", "0025", "ne.title", "mple-title", "ne.c@", "mple-c"])
        expect(json).not.toContain(leak);
      for (const kept of ["Mail j", "Card ", "Pay now", "Inbox - j", '"plan":"pro"', '"seats":12', '"t":1'])
        expect(json).toContain(kept);
    } finally {
      Object.assign(g, saved);
    }
  });
});
