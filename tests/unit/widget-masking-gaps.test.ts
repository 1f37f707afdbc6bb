/**
 * Recording leaks the per-text-node masking missed (issue #12, second pass): personal data split across text nodes
 * (search highlighting, formatted numbers) and emails in id/class/name/for and other identifier attributes.
 * Images and avatar URLs are in widget-masking-avatars.test.ts.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { type RunNodes, sanitizeEvent } from "../../widget/recorder/sanitize.js";
import { el, sanitized, snapshot, text } from "../helpers/mask-edges.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);

describe("personal data split across text nodes", () => {
  test("a highlighted email, a card printed in groups, an IBAN in a link: masked in every piece", () => {
    const json = sanitized(
      snapshot(
        el("td", {}, [el("mark", {}, [text("jane")]), text("@example.com")]),
        el("p", {}, [
          text("Card "),
          el("span", {}, [text("4242")]),
          text(" "),
          el("span", {}, [text("4242")]),
          text(" "),
          el("span", {}, [text("4242")]),
          text(" "),
          el("span", {}, [text("4242")]),
          text(" charged"),
        ]),
        el("li", {}, [el("a", { href: "#" }, [el("b", {}, [text("DE89")]), text(" 3704 0044 0532 0130 00")])]),
      ),
    );
    for (const leak of ["jane", "example", "4242", "3704", "0130"]) expect(json).not.toContain(leak);
    for (const kept of ['"j•••"', '"@e••••••.com"', '"Card "', '"••••"', '" charged"', '"DE••"'])
      expect(json).toContain(kept);
  });

  test("decisions: a line break or a block splits the text; prose stays", () => {
    const json = sanitized(
      snapshot(
        el("p", {}, [el("b", {}, [text("Order")]), text(" 12345 shipped to "), el("i", {}, [text("Jane")])]),
        el("div", {}, [text("jane"), el("br", {}), text("@example.com")]),
        el("div", {}, [el("p", {}, [text("4242 4242")]), el("p", {}, [text("4242 4242")])]),
      ),
    );
    for (const kept of ['"Order"', '" 12345 shipped to "', '"Jane"', '"4242 4242"']) expect(json).toContain(kept);
    // An @ at the edge is the exception (widget-masking-streams.test.ts): "jane" before "@example.com" is masked as
    // one address across a line break as across blocks.
    expect(json).not.toContain('"jane"');
  });

  test("long blocks (over 256 characters or 32 text nodes): what crosses a boundary is masked, the prose stays", () => {
    const prose = `${"Lorem ipsum dolor sit amet. ".repeat(12)}Contact `;
    const cells = Array.from({ length: 40 }, (_, i) => el("span", {}, [text(`cell ${i} `)]));
    const card = ["4111", "1111", "1111", "1111"].flatMap((g) => [el("span", {}, [text(g)]), text(" ")]);
    const json = sanitized(
      snapshot(
        el("p", {}, [text(prose), el("mark", {}, [text("ann")]), text("@example.org"), text(` then ${prose}`)]),
        el("div", {}, [...cells, ...card, text("paid")]),
        el("p", {}, [
          text(prose),
          el("b", {}, [text("Order")]),
          text(" 12345 shipped to "),
          el("i", {}, [text("Jane")]),
        ]),
      ),
    );
    for (const leak of ['"ann"', "example.org", '"1111"', '"4111"']) expect(json).not.toContain(leak);
    for (const kept of [JSON.stringify(prose), '"a••"', '"@e••••••.org"', '"cell 39 "', '"••••"', '"paid"', '"Jane"'])
      expect(json).toContain(kept);
    expect(json).toContain('" 12345 shipped to "');
  });

  test("mutations in a long block: the pieces next to the changed one are masked with it", () => {
    const prose = "Lorem ipsum dolor sit amet. ".repeat(12);
    // The address at the far start was masked when it was recorded: it is not sent again.
    const texts = [`Write to ops@example.net. ${prose}`, "jane", "@example.com", ` and ${prose}`];
    const around = (id: number): RunNodes | undefined =>
      id >= 1 && id <= 4 ? { key: "p", ids: [1, 2, 3, 4], texts } : undefined;
    const event = { type: 3, data: { source: 0, texts: [{ id: 3, value: "@example.com" }] } };
    sanitizeEvent(event, () => false, mask, undefined, { patterns, around });
    expect(event.data.texts).toEqual([
      { id: 3, value: "@e••••••.com" },
      { id: 2, value: "j•••" },
    ]);
  });

  test("mutations: the added piece and the pieces already on the page are masked", () => {
    // The page highlighted "jane" earlier (recorded then: alone it is no address); now "@example.com" follows it.
    const around = (id: number): RunNodes | undefined =>
      id === 11 || id === 21
        ? { key: id < 20 ? "td" : "p", ids: [id - 1, id], texts: ["jane", "@example.com"] }
        : undefined;
    const event = {
      type: 3,
      data: {
        source: 0,
        adds: [{ parentId: 5, node: { type: 3, id: 11, textContent: "@example.com" } }],
        texts: [{ id: 21, value: "@example.com" }],
      },
    };
    sanitizeEvent(event, () => false, mask, undefined, { patterns, around });
    expect(event.data.adds[0].node.textContent).toBe("@e••••••.com");
    expect(event.data.texts).toEqual([
      { id: 21, value: "@e••••••.com" },
      { id: 10, value: "j•••" },
      { id: 20, value: "j•••" },
    ]);
  });

  test("the site's own rule (init({ maskText })) still applies to each piece afterwards", () => {
    const custom = makeTextMasker({ all: false, patterns: true, custom: (t) => t.replace(/ORD-\d+/g, "ORD-•••") });
    const event = snapshot(el("td", {}, [el("mark", {}, [text("jane")]), text("@example.com for ORD-1234")]));
    sanitizeEvent(event, () => false, custom, undefined, { patterns });
    expect(JSON.stringify(event)).toContain('"@e••••••.com for ORD-•••"');
    expect(JSON.stringify(event)).toContain('"j•••"');
  });

  test("the patterns opted out (data-mask-patterns=false): nothing joined", () => {
    const event = snapshot(el("td", {}, [el("mark", {}, [text("jane")]), text("@example.com")]));
    sanitizeEvent(event, () => false, makeTextMasker({ all: false, patterns: false }));
    expect(JSON.stringify(event)).toContain('"@example.com"');
  });
});

describe("identifier attributes: only the email in them is masked, so selectors on the other tokens still apply", () => {
  test("id, class, name, for, headers and id references", () => {
    const input = el("input", { id: "user-jane@example.com", name: "jane@example.com", class: "field" });
    const row = el("tr", { class: "row selected jane@example.com", "aria-labelledby": "h-jane@example.com" });
    const label = el("label", { for: "user-jane@example.com", form: "f-jane@example.com" });
    const cell = el("td", { headers: "c-jane@example.com", id: "card-4111111111111111" });
    // Not identifiers, but not shown either: a meta tag's content (a CSRF token), a download's file name.
    const meta = el("meta", { name: "csrf-token", content: "dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSBmb3IgdGVzdGluZw==" });
    const link = el("a", { href: "/invoice.pdf", download: "invoice-jane@example.com.pdf" });
    const json = sanitized(snapshot(input, row, label, cell, meta, link));
    expect(json).not.toContain("dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSBmb3IgdGVzdGluZw");
    expect(json).not.toContain("jane@example.com");
    expect(json).not.toContain("4111111111111111");
    expect(input.attributes.id).toBe("u•••-••••@e••••••.com");
    expect(row.attributes.class).toBe("row selected j•••@e••••••.com");
    expect(label.attributes.for).toBe(input.attributes.id); // still points at the same element
    expect(input.attributes.class).toBe("field");
  });

  test("class and id changes later (mutations) too; the site's own text rule is not applied to them", () => {
    const custom = makeTextMasker({ all: false, patterns: true, custom: (t) => t.replace(/active/g, "******") });
    const event = {
      type: 3,
      data: {
        source: 0,
        attributes: [{ id: 3, attributes: { class: "active is-jane@example.com", id: "x-ann@b.io" } }],
      },
    };
    sanitizeEvent(event, () => false, custom, undefined, { patterns });
    expect(event.data.attributes[0].attributes).toEqual({ class: "active i•-••••@e••••••.com", id: "x-•••@•.io" });
  });
});
