/**
 * Tenth pass on what a recording lets out (issue #12), on pages never seen before: an address in a custom element's
 * attribute (user-email, Angular's ng-reflect-*, aria-placeholder), CSS rules added through the CSSOM or adopted by a
 * document (CSS-in-JS: content: "…", url(…?token=…)), and addresses or cards the page writes with invisible
 * characters in them (soft hyphens, zero-width spaces) or in full-width digits.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { type Found, join, unhide } from "../../widget/recorder/edges.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);
const sanitized = <T extends object>(event: T) => {
  sanitizeEvent(event as never, () => false, mask, undefined, { patterns });
  return JSON.stringify(event);
};
const SIGNED = "https://cdn.example.com/a.png?X-Amz-Signature=deadbeefcafe1234567890&token=secrettokenvalue123";

describe("attributes no rule names", () => {
  test("a custom element's, Angular's reflected, aria-*: emails and secret URL parameters out, the rest as is", () => {
    const attributes = {
      "user-email": "custom.attr@example-attr.com",
      "ng-reflect-email": "ng.reflect@example-ng.com",
      "aria-placeholder": "aria.ph@example-aria.com",
      "photo-url": SIGNED,
      d: "M4111 1111 1111 1111 L0 0",
      viewBox: "0 0 24 24",
    };
    const snapshot = { type: 2, data: { node: { type: 2, tagName: "my-card", attributes: { ...attributes } } } };
    const change = { type: 3, data: { source: 0, attributes: [{ id: 9, attributes: { ...attributes } }] } };
    for (const json of [sanitized(snapshot), sanitized(change)]) {
      for (const leak of ["custom.attr", "example-attr", "ng.reflect", "aria.ph", "deadbeef", "secrettoken"])
        expect(json).not.toContain(leak);
      for (const kept of [
        "c•••••.••••@e••••••-••••.com",
        "cdn.example.com/a.png",
        "M4111 1111 1111 1111 L0 0",
        "0 0 24 24",
      ])
        expect(json).toContain(kept);
    }
  });
});

describe("CSS rules added through the CSSOM", () => {
  test("inserted (CSS-in-JS), set on a rule, adopted by a document: as a <style>'s text", () => {
    const inserted = {
      type: 3,
      data: {
        source: 8,
        id: 9,
        adds: [
          { rule: '.b::after{content:"cssom.person@example-cssom.com"}', index: 0 },
          { rule: `.c{background:url(${SIGNED})}`, index: 1 },
        ],
      },
    };
    const set = {
      type: 3,
      data: { source: 13, id: 9, index: [0], set: { property: "--who", value: '"set.person@x-set.com"' } },
    };
    const adopted = {
      type: 3,
      data: {
        source: 15,
        id: 1,
        styleIds: [2],
        styles: [{ styleId: 2, rules: [{ rule: '.d{content:"ad.person@x-adopted.com"}', index: 0 }] }],
      },
    };
    const json = sanitized(inserted) + sanitized(set) + sanitized(adopted);
    for (const leak of ["cssom.person", "example-cssom", "deadbeef", "secrettoken", "set.person", "ad.person"])
      expect(json).not.toContain(leak);
    for (const kept of [
      ".b::after{content:",
      "cdn.example.com/a.png",
      '"property":"--who"',
      '"index":1',
      ".d{content:",
    ])
      expect(json).toContain(kept);
  });
});

describe("text with invisible characters or full-width digits", () => {
  test.each([
    ["soft hyphens", "soft jane\u00addoe@exam\u00adple-shy.com end", ["jane", "doe", "exam", "ple-shy"]],
    ["zero-width spaces", "zero ja\u200bne.zw@exa\u200bmple-zw.com end", ["ne.zw", "mple-zw"]],
    ["a zero-width space in a card", "Card 4111\u200b 1111 1111 1111 paid", ["1111"]],
    ["full-width digits", "Card ４１１１ １１１１ １１１１ １１１１ fw", ["１１１１", "４１１１"]],
  ])("%s: masked as the page shows it, the characters kept where they were", (_, text, leaks) => {
    const out = unhide(text, patterns);
    for (const leak of leaks) expect(out).not.toContain(leak);
    expect(out.length).toBe(text.length);
    expect(out.replace(/[^\u00ad\u200b\u2060]/g, "")).toBe(text.replace(/[^\u00ad\u200b\u2060]/g, ""));
    expect(out.slice(0, 4)).toBe(text.slice(0, 4));
  });

  test("nothing to mask: as it was (a soft hyphen in a long word, full-width prices)", () => {
    for (const text of ["Donau\u00addampf\u00adschiff\u00adfahrt", "価格：１２，８００円"])
      expect(unhide(text, patterns)).toBe(text);
  });

  test("recorded in a mutation: masked where it was recorded once the joining code has it", () => {
    const added = {
      type: 3,
      data: {
        source: 0,
        adds: [{ parentId: 5, nextId: null, node: { type: 3, id: 40, textContent: "ja\u00adne@exam\u00adple.com" } }],
      },
    };
    const found: Found[] = [];
    sanitizeEvent(added, () => false, mask, undefined, { patterns, atEdge: (...f) => found.push(f) });
    expect(found).toHaveLength(1);
    join(found, { getNode: () => null, getId: () => -1 }, "", () => [added], patterns, mask)();
    const json = JSON.stringify(added);
    for (const leak of ["ne@", "exam", "ple."]) expect(json).not.toContain(leak);
  });
});
