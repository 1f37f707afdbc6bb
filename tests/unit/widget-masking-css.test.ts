/**
 * Twelfth pass on what a recording lets out (issue #12): cards, IBANs and keys in CSS, where only emails were masked
 * before: in what a rule shows (content: "4242 …") and in custom properties apps fill from their data (--user-key,
 * --iban), in a <style>, a stylesheet rrweb inlined, a style attribute, and CSSOM changes. Fonts and images (data:
 * URLs), fractions and the rest of the CSS stay byte for byte, so replay still looks like the page.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";
import { KEYS } from "../helpers/mask-cases.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);
const sanitized = <T extends object>(event: T, isStyle = false) => {
  sanitizeEvent(
    event as never,
    () => false,
    mask,
    () => isStyle,
    { patterns },
  );
  return JSON.stringify(event);
};

const FONT =
  "d09GMgABAAAAAAKcAA0AAAAABiAAAAJHAAEAAAAAAAAAAAAAAAAAAAAAAAAAP0ZGVE0cGh4GYACCQhEICoFEgTkLEAABNgIkAxwEIAWDcgc";
const CSS = [
  '.pm::after { content: "4000 0566 5566 5556"; }',
  `.me { --user-key: ${KEYS.stripe}; --user-iban: "DE89 3704 0044 0532 0130 00"; --ratio: 0.4242424242424242; }`,
  '.hint::before { content: "Card ending •••• 4242"; font-family: "Inter Display", sans-serif; }',
  `@font-face { font-family: Brand; src: url(data:font/woff2;base64,${FONT}) format("woff2"); }`,
  `.icon { --glyph: url("data:image/png;base64,${FONT}"); width: 33.33333333333333%; }`,
  "/* don't touch: legacy */ .x { color: red; }",
].join("\n");
const LEAKS = ["0566", "5566 5556", KEYS.stripe.slice(8), "3704 0044", "0532 0130"];
const KEPT = [
  ".pm::after { content: ",
  "--user-key: sk_live_",
  "--ratio: 0.4242424242424242;",
  'content: "Card ending •••• 4242"; font-family: "Inter Display", sans-serif;',
  `src: url(data:font/woff2;base64,${FONT}) format("woff2")`,
  `--glyph: url("data:image/png;base64,${FONT}"); width: 33.33333333333333%;`,
  "/* don't touch: legacy */ .x { color: red; }",
];

describe("cards, IBANs and keys in CSS", () => {
  test("a <style>'s text and a stylesheet rrweb inlined (_cssText): masked in strings and custom properties", () => {
    const snapshot = {
      type: 2,
      data: {
        node: {
          type: 2,
          tagName: "head",
          childNodes: [
            { type: 2, tagName: "style", childNodes: [{ type: 3, textContent: CSS, isStyle: true }] },
            { type: 2, tagName: "link", attributes: { rel: "stylesheet", _cssText: CSS } },
          ],
        },
      },
    };
    const changed = { type: 3, data: { source: 0, texts: [{ id: 7, value: CSS }] } };
    for (const json of [sanitized(snapshot), sanitized(changed, true)]) {
      for (const leak of LEAKS) expect(json).not.toContain(leak);
      for (const kept of KEPT) expect(json).toContain(JSON.stringify(kept).slice(1, -1));
    }
  });

  test("a style attribute, a style change and a custom property set through the CSSOM", () => {
    const style = `--card: 5105 1051 0510 5100; --token: '${KEYS.github}'; width: 12.5px`;
    const snapshot = { type: 2, data: { node: { type: 2, tagName: "div", attributes: { style } } } };
    const changes = {
      type: 3,
      data: {
        source: 0,
        attributes: [{ id: 3, attributes: { style: { "--card": "5105 1051 0510 5100", color: "red" } } }],
      },
    };
    const set = {
      type: 3,
      data: { source: 13, id: 9, index: [0], set: { property: "--card", value: "5105105105105100" } },
    };
    const json = sanitized(snapshot) + sanitized(changes) + sanitized(set);
    for (const leak of ["5105 1051", "0510 5100", "5105105105105100", KEYS.github.slice(4)])
      expect(json).not.toContain(leak);
    for (const kept of ["--card: ", "--token: 'ghp_", "width: 12.5px", '"color":"red"', '"property":"--card"'])
      expect(json).toContain(kept);
  });
});
