/**
 * Account numbers (IBANs, mod-97 valid, any case; a Polish one printed without "PL") and payment card numbers
 * (Luhn-valid, 13–19 digits, grouped by spaces, dashes or dots) in text, for capture/patterns.ts. Pure; no DOM.
 */
import { DOT, dotsFrom } from "./dots.js";

// Runs of digit groups that could hold a card (groups of 3+ digits, the last may be shorter); which of them form a
// card is decided in maskCards. Any run of white space separates like a space: the page shows it as one (a line break
// with its indent, <span>4242</span>⏎  <span>4242</span>; two spaces; a tab), and so do the other spaces (no-break,
// thin, narrow, figure; the ideographic space of Japanese pages, ４２４２　４２４２ …).
const DIGIT_GROUPS = /\b\d{3,}(?:(?:[.-]|\s+)\d{3,})*(?:(?:[.-]|\s+)\d{1,2})?\b/g;
// Grouped by spaces or run together, or dashed in groups of four (a dashed UUID's first group has eight: not one).
// Not an RF creditor reference (ISO 11649: mod 97 too, but an invoice's reference, no account). A Polish account
// number as Poles print it: the IBAN without its "PL" (NRB, 26 digits: 2, then six groups of four).
const IBAN =
  /\b\d\d(?: \d{4}){6}\b|\b(?!rf)[a-z]{2}\d{2}(?:(?:\s?[a-z0-9]){11,30}|(?:-[a-z0-9]{4}){2,7}(?:-[a-z0-9]{1,4})?)\b/gi;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers inside a run of digit groups: 13-19 digits, Luhn-valid, either one group or groups of 3+ digits (the
 * last may be shorter: 4-4-4-1) joined by one kind of separator. Every start is tried, longest card first, so a card
 * after an order number or before an expiry ("4242 4242 4242 4242 12/27") is still found.
 */
function maskCards(run: string, hit: (masked: string) => string): string {
  if (run.length < 13) return run;
  const parts = run.split(/(\D+)/); // digits, separator, digits, ...
  const sepOf = (k: number) => parts[k]?.replace(/^\s+$/, " ");
  let out = "";
  for (let i = 0; i < parts.length; i += 2) {
    let digits = "";
    let end = -1;
    for (let j = i; j < parts.length && digits.length < 19; j += 2) {
      // Printed cards start with a group of four and group by 4 to 6 digits: 3-7-7 is an Amazon order number, 3-3-3-5
      // a French company's SIRET.
      if (
        j > i &&
        (sepOf(j - 1) !== sepOf(i + 1) || parts[j - 2].length < 3 || parts[j].length > 6 || parts[i].length !== 4)
      )
        break;
      digits += parts[j];
      if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) end = j;
    }
    // Groups of four (the last may be shorter) with another group of four before or after: a longer number (a parcel's
    // tracking number), not a card.
    const sep = sepOf(i + 1);
    if (
      end > i &&
      parts.slice(i, end).every((p, k) => k % 2 || p.length === 4) &&
      ((i && sepOf(i - 1) === sep && parts[i - 2].length === 4) ||
        (sepOf(end + 1) === sep && parts[end + 2]?.length === 4))
    )
      end = -1;
    if (end < 0) out += parts[i] + (parts[i + 1] ?? "");
    else {
      const card = parts.slice(i, end + 1).join("");
      out += hit(card.replace(/\d/g, DOT)) + (parts[end + 1] ?? "");
      i = end;
    }
  }
  return out;
}

function ibanValid(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, "").toUpperCase();
  // Every country's account part is mostly digits: a code, two digits and words ("FY24 plan will ship soon") is not.
  if (s.length < 15 || s.length > 34 || s.replace(/\D/g, "").length < 10) return false;
  let rest = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const v = ch >= "A" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

/** Masks the account and card numbers in `text`; `hit` is told each masked piece and gives it back. */
export function maskNumbers(text: string, hit: (masked: string) => string): string {
  return text
    .replace(IBAN, (m) => {
      if (m < "A") return ibanValid(`PL${m}`) ? hit(dotsFrom(m, 0)) : m;
      // The match may run on into the next words ("… 0130 00 EUR"): drop trailing groups until the check passes.
      for (let s = m; s.length >= 15; s = s.replace(/[\s-]?[a-z0-9]+$/i, ""))
        if (ibanValid(s)) return hit(dotsFrom(s, 2)) + m.slice(s.length);
      return m;
    })
    .replace(DIGIT_GROUPS, (m) => maskCards(m, hit));
}
