/**
 * Personal data found by pattern in text the page shows (and in console text, failed-request URLs, metadata): email
 * addresses, payment card numbers (Luhn-valid, 13–19 digits, spaces or dashes), IBANs (mod-97 valid) and long
 * secrets (JWTs, sk_/pk_live_-style keys, runs of 32+ hex or base64 characters). Only the match is replaced, keeping
 * its length and shape (j•••••@e••••••.com), so replay stays readable. Pure; no DOM.
 */
export const DOT = "•";

/** Told each masked piece (already masked): the form's preview counts them ("3 pieces of text hidden"). */
export type OnMasked = (masked: string) => void;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const KEY =
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|\bsk_[A-Za-z0-9]{20,}|\b(?:ghp|gho|xox[abpr])[_-][A-Za-z0-9-]{16,}/g;
const LONG_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;

/** Every character but the first (and separators) becomes a dot. */
const keepFirst = (part: string) => part.slice(0, 1) + part.slice(1).replace(/[^.\s-]/g, DOT);
const dotsFrom = (text: string, keep: number) => text.slice(0, keep) + text.slice(keep).replace(/[^\s-]/g, DOT);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, "");
  if (s.length < 15 || s.length > 34) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= "A" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

/** A run of 32+ key-like characters counts as a secret when it mixes digits and letters (not a long word or path). */
const looksRandom = (run: string) =>
  /^[0-9a-f]+$/i.test(run) ? /\d/.test(run) : /\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);

/**
 * What every pattern above needs somewhere in the text: an @, 13 digits in a row (spaces or dashes between), a
 * country code and check digits, eyJ, a key prefix, or 32 key-like characters. One scan instead of six, and most text
 * has none of them.
 */
const ANY = /@|\d(?:[ -]?\d){12}|[A-Z]{2}\d\d|eyJ|[sprk]k_|gh[po]|xox|[A-Za-z0-9+/_-]{32}/;

// Pages show the same strings again and again (table cells, every checkout's full snapshot): the result of each
// text worth a look is kept, with the pieces it masked, up to CACHE_ENTRIES texts of at most CACHE_TEXT characters.
const CACHE_ENTRIES = 2000;
const CACHE_TEXT = 300;
const cache = new Map<string, { out: string; pieces: string[] }>();

/** Masks the patterns above in `text`; `onMasked` is called once per match. */
export function maskPatterns(text: string, onMasked?: OnMasked, skipEmail?: (email: string) => boolean): string {
  // Cheap exits for the common case (a busy page's cells): under 13 characters only an email fits, under 32 only
  // something with an @ or digits.
  if (text.length < 13 ? !text.includes("@") : text.length < 32 && !/[@\d]/.test(text)) return text;
  const cacheable = !skipEmail && text.length <= CACHE_TEXT;
  const known = cacheable ? cache.get(text) : undefined;
  if (known) {
    if (onMasked) for (const piece of known.pieces) onMasked(piece);
    return known.out;
  }
  if (!ANY.test(text)) return text;
  const pieces: string[] = [];
  const out = replacePatterns(text, pieces, skipEmail);
  if (cacheable) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(text, { out, pieces });
  }
  if (onMasked) for (const piece of pieces) onMasked(piece);
  return out;
}

function replacePatterns(text: string, pieces: string[], skipEmail?: (email: string) => boolean): string {
  const hit = (masked: string) => {
    pieces.push(masked);
    return masked;
  };
  return text
    .replace(EMAIL, (m) => {
      if (skipEmail?.(m)) return m;
      const at = m.indexOf("@");
      const labels = m.slice(at + 1).split(".");
      const tld = labels.pop();
      return hit(`${keepFirst(m.slice(0, at))}@${labels.map(keepFirst).join(".")}.${tld}`);
    })
    .replace(JWT, (m) => hit(dotsFrom(m, 3)))
    .replace(KEY, (m) => hit(dotsFrom(m, m.lastIndexOf("_") + 1 || 4)))
    .replace(IBAN, (m) => (ibanValid(m) ? hit(dotsFrom(m, 2)) : m))
    .replace(CARD, (m) => (luhn(m.replace(/\D/g, "")) ? hit(m.replace(/\d/g, DOT)) : m))
    .replace(LONG_RUN, (m) => (looksRandom(m) ? hit(dotsFrom(m, 0)) : m));
}

/** How a site asked text to be treated: patterns (default), everything, or nothing but its own rule. */
export interface TextMasking {
  /** data-mask-text="all": every character of visible text masked (Sentry-like). */
  all: boolean;
  /** data-mask-patterns="false" turns the patterns off. */
  patterns: boolean;
  /** init({ maskText }) in the ESM entry: the site's own rule, after the patterns. */
  custom?: (text: string) => string;
}

export function makeTextMasker(options: TextMasking, onMasked?: OnMasked): (text: string) => string {
  const { custom } = options;
  return (text) => {
    let out = options.patterns ? maskPatterns(text, onMasked) : text;
    if (custom) {
      try {
        const mine = custom(out);
        if (typeof mine === "string" && mine !== out) {
          onMasked?.(mine);
          out = mine;
        }
      } catch {
        /* a broken site rule must not break recording */
      }
    }
    return out;
  };
}
