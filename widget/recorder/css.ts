/**
 * What CSS shows as text (content: "4242 4242 4242 4242") and what apps keep in custom properties for their styles
 * (--user-key: sk_live_…, --iban: "DE89 …"): masked like page text (cards, IBANs, keys, emails), after maskLoaded.
 * Not url(…)s (a font or image, data: ones too, stays loadable), comments, selectors or other properties' values, nor
 * a fraction in a custom property (--ratio: 0.4242424242424242 is a number, not a card). Pure; no DOM.
 */
import type { TextMasker } from "./attributes.js";

// A url(…) or a comment (kept), a string (its text masked), a custom property (its value masked but for KEEP).
const CSS_TEXT =
  /(?=[-u/"'])(?:url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\)|\/\*[\s\S]*?\*\/|(["'])((?:\\[\s\S]|(?!\1)[^\\\n])*)\1|(--[\w-]+\s*:)([^;{}!]*))/gi;
const KEEP = /(url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\)|\d*\.\d+)/i;

const maskValue = (value: string, patterns: TextMasker) =>
  !/url\(|\.\d/i.test(value)
    ? patterns(value)
    : value
        .split(KEEP)
        .map((part, i) => (i % 2 ? part : patterns(part)))
        .join("");

/** CSS text, or (`custom`) the value of a custom property alone (a CSSOM setProperty, a style attribute's diff). */
export function maskCss(css: string, patterns: TextMasker, custom?: boolean): string {
  if (custom) return maskValue(css, patterns);
  return /["']|--/.test(css)
    ? css.replace(CSS_TEXT, (m, quote?: string, text?: string, property?: string, value?: string) =>
        quote
          ? quote + patterns(text as string) + quote
          : property
            ? property + maskValue(value as string, patterns)
            : m,
      )
    : css;
}
