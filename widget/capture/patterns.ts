/**
 * Personal data found by pattern in text the page shows (and in console text, failed-request URLs, metadata, titles):
 * email addresses (also %40-encoded), payment card numbers (Luhn-valid, 13–19 digits, grouped by spaces, dashes or
 * dots), IBANs (mod-97 valid, any case) and secrets (JWTs, keys of common services by their prefix, the credential of
 * an Authorization header, runs of 32+ hex or base64 characters). Only the match is replaced, keeping its length and
 * shape (j•••••@e••••••.com), so replay stays readable. Dashed UUIDs are ids and stay. Every pattern costs time in
 * proportion to the text (tests/unit/widget-patterns-cost.test.ts). Pure; no DOM.
 */
export const DOT = "•";

/** Told each masked piece (already masked): the form's preview counts them ("3 pieces of text hidden"). */
export type OnMasked = (masked: string) => void;

// Tried only from the start of a run of address characters (the character before is captured and given back), so a
// long run without an @ costs one pass, not one per character. Letters of any script. "%40": an address
// percent-encoded in a URL (URLSearchParams writes @ that way); "＠", the full-width @ of Chinese and Japanese pages
// ("info＠example.co.jp", also written to get past scrapers); a zero-width space or word joiner next to the @ (put
// there so the address is not made a link, or may wrap). Not "logo@2x.png" (image density suffixes) nor "pkg@1.2.3":
// the top-level domain starts with a letter. A quoted local part ("john smith"@example.com) and a domain
// percent-encoded in a link (mailto:hans@b%C3%BCcher.de, an IDN as the browser writes it) too.
export const EMAIL =
  /(^|[^\p{L}\p{N}_.+%'-])("[^"\n]{1,64}"|[\p{L}\p{N}_.+%'-]+)([\u200b\u2060]?(?:[@＠]|%40)[\u200b\u2060]?)(?!\dx\.)((?:[\p{L}\p{N}_-]|%[\da-f]{2})+(?:\.(?:[\p{L}\p{N}_-]|%[\da-f]{2})+)*\.\p{L}[\p{L}\p{N}_-]+)/giu;
// An address still being written at the end of a text (a chat answer streamed in, a name typed into a page): its
// top-level domain is not there yet. Not a package's dist-tag or version (react@latest, pkg@1.2), nor user@localhost.
const EMAIL_TAIL =
  /(^|[^\p{L}\p{N}_.+%'-])([\p{L}\p{N}_.+%'-]+)([@＠])(?!(?:latest|next|beta|alpha|canary|rc|localhost)$|\d)([\p{L}\p{N}_.-]*)$/u;
// Written around spam filters: "jane(at)example.com", "jane [at] example [dot] com", "jane at example dot com", in
// German ("jane (ät) example (punkt) de"), French ("jane arobase example point fr", "jane chez example point com"),
// Spanish and Italian ("juan arroba ejemplo punto es", "mario chiocciola esempio punto it"), and mixed ("mario at
// esempio punto it"). A bracketed at always counts; a bare one (an "@" between spaces too: "jane @ example.com") not
// after a word prose puts before "at" ("meet at …", "find us at …") nor before one prose puts after it ("at the …", "at
// noon dot com"); with real dots only outside code (CODE_AT) and not "chez" ("commandé chez amazon.fr"). The address
// ends before a spelled dot and a small word ("… punto es punto por punto", "point par point", "punto y aparte"), and
// at the last label that can end it. In words only, a top-level domain of 5+ letters counts ("acme dot online", "jane
// chez example point online") but not French prose after "point" ("chez moi point barre"); English "at" takes " point "
// / " punto " only before a country code or com/net/org ("lunch at the Punto Bar"), and " point " not before one
// English also writes when English goes on ("People at Google point it out", "… point to the risk"). See the
// decisions in tests/unit/widget-patterns-cases.test.ts.
// At most 7 labels, so a page of "x [dot] x [dot] …" costs one short match at a time.
const SPELLED =
  /(^|[^\p{L}\p{N}_.+%'-])([\p{L}\p{N}_.+%'-]+)(\s*[([{<]\s*(?:at|ät|@|arobase|chez|arroba|chiocciola)\s*[)\]}>]\s*|\s+(?:at|ät|@|arobase|chez|arroba|chiocciola)\s+)([\p{L}\p{N}-]+(?:(?:\s*[([{<]\s*(?:dot|punkt|point|punto)\s*[)\]}>]\s*|\s+(?:dot|punkt|point|punto)\s+|\.)[\p{L}\p{N}-]+){1,6})/giu;
const SPELLED_DOT = /(\s*[([{<]\s*(?:dot|punkt|point|punto)\s*[)\]}>]\s*|\s+(?:dot|punkt|point|punto)\s+|\.)/i;
const PROSE =
  /^(?:me|us|him|her|them|it|you|we|is|are|was|be|meet|met|look|find|found|visit|more|up|in|out|online|available|here|there|now|live|stay|home|work|based|hosted|shop|buy|only|also|and|or|but|not|just|all|today)$/i;
// What English prose puts after "at" (at the …, at noon): no domain starts there.
const AFTER_AT =
  /^(?:the|an?|this|that|my|your|our|his|her|their|its|some|any|each|every|one|noon|night|home|work|school|once|least|last|first|all|times|most|best)$/i;
// A small word after a spelled dot ("punto por punto", "point par point", "Punkt für Punkt", "punto y aparte").
const SMALL = /^(?:[yeoaà]|et|und|and|or|ou|par|por|per|für|by|to)$/i;
const WORD_DOT = /^(?:dot|punkt|point|punto)$/i;
// What English writes after "point" (point to, point it out) that is also a country code, and a lower-case word
// going on after it (not "or", "o", "e", "y", "et", "ou", "und": another address may follow).
const ENGLISH_TWO = /^(?:to|in|at|it|is|me|us|up|on|of|as|by)$/i;
const PROSE_ON = /^\s+(?!(?:or|and|o|e|y|et|ou|oder|und)\s)\p{Ll}/u;
// French words after "point" ("chez moi point barre", "point final", "point commun"): no top-level domain.
const CHEZ_PROSE =
  /^(?:barre|finale?|commun|culminant|faible|fort|mort|noir|virgule|central|chaud|presse|sensible|crucial)$/i;
// A bare "at" before a real dotted name that is code, not an address: a file name for a domain ("Error at app.js"),
// a stack frame (on its own line: "\n    at Object.run"), a name followed by a line number or "(file:line".
const FILE_TLD =
  /^(?:[mc]?js|jsx|[mc]?ts|tsx|html?|css|scss|less|json|php|py|rb|java|kt|go|rs|cs|cpp|vue|svelte|md|txt|xml|ya?ml|png|jpe?g|gif|svg|webp|ico|pdf|zip|csv|log|sh|map|exe|dll)$/i;
const CODE_AFTER = /^(?::\d|\s*\([^()\s]*:\d)/;
// Runs of digit groups that could hold a card (groups of 3+ digits, the last may be shorter); which of them form a
// card is decided in maskCards.
// A line break with its indent separates like a space: the page shows it as one (<span>4242</span>⏎  <span>4242</span>).
const DIGIT_GROUPS = /\b\d{3,}(?:(?:[ .\u00a0\u2009\u202f-]|\s*\n\s*)\d{3,})*(?:[ .\u00a0\u2009\u202f-]\d{1,2})?\b/g;
// Grouped by spaces or run together, or dashed in groups of four (a dashed UUID's first group has eight: not one).
// Not an RF creditor reference (ISO 11649: mod 97 too, but an invoice's reference, no account). A Polish account
// number as Poles print it: the IBAN without its "PL" (NRB, 26 digits: 2, then six groups of four).
const IBAN =
  /\b\d\d(?: \d{4}){6}\b|\b(?!rf)[a-z]{2}\d{2}(?:(?:[ \u00a0]?[a-z0-9]){11,30}|(?:-[a-z0-9]{4}){2,7}(?:-[a-z0-9]{1,4})?)\b/gi;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const KEY =
  /\b(?:(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|sk_[A-Za-z0-9]{20,}|(?:gh[pousr]_|github_pat_|xox[abpre]-|glpat-|whsec_)[\w-]{16,}|A[KS]IA[A-Z0-9]{16}\b|AIza[\w-]{35}|SG\.[\w-]{16,}\.[\w-]{16,})/g;
// "Authorization: Bearer …", "Basic …": the credential after the scheme, whatever its length, when it has a digit or
// 16+ characters (not "bearer authentication" in prose).
const BEARER = /\b(?:bearer|authorization:[ \t]*\w+)[ \t]+(?=[\w.~+/-]*\d|[\w.~+/-]{16})[\w.~+/-]{8,}=*/gi;
const LONG_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;

/** Every character but the first (and separators) becomes a dot, a lone one too; by code point, so none is cut in half. */
const keepFirst = (part: string) => part.replace(/^.$|(?!^)[^.\s-]/gu, DOT);
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
      // Printed cards group by 4 to 6 digits; 3-7-7 is an Amazon order number.
      if (
        j > i &&
        (sepOf(j - 1) !== sepOf(i + 1) || parts[j - 2].length < 3 || parts[j].length > 6 || parts[i].length > 6)
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

/**
 * A run of 32+ key-like characters is a secret when it holds 32+ hex characters with a digit among them (also behind
 * a prefix: shpat_…, key-…), or mixes lower and upper case, and digits or a change of case every third character or
 * more, without reading as words (a path such as /src/components/PaymentStep2/Index, a camelCase name: 70%+ of it in
 * runs of 3+ lower-case letters; a random 32-character base64 key reads that way about once in 5,000, a
 * 40-character one once in 14,000). Names with acronyms (getHTMLElementByIDForXMLHttpRequest) change case less often
 * than a key of letters only, which most of the time (19 in 20 at 32 characters) changes it every other one.
 */
const looksRandom = (run: string) =>
  (run.match(/[a-z\d]{32,}|[A-Z\d]{32,}/g) ?? []).some((one) => /\d.*\d/.test(one)) ||
  (run.match(/[0-9a-f]{32,}/gi) ?? []).some((hex) => /\d/.test(hex)) ||
  (/[a-z]/.test(run) &&
    /[A-Z]/.test(run) &&
    (/\d/.test(run) || (run.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])/g) ?? []).length * 3 >= run.length) &&
    (run.match(/[A-Z]?[a-z]{3,}/g) ?? []).join("").length < run.length * 0.7);

/**
 * What every pattern above needs somewhere in the text: an @ (or %40), 13 digits in a row (separators between), a
 * country code and check digits, eyJ, a key prefix, a bearer scheme, or 32 key-like characters. One scan instead of
 * eight, and most text has none of them.
 */
const ANY =
  /[@＠]|%40|[([{<]\s*(?:[aä]t|arobase|chez|arroba|chiocciola)\s*[)\]}>]|\s(?:[aä]t|arobase|chez|arroba|chiocciola)\s+[^\s.]+(?:\.[a-z]|\s*[([{<]\s*(?:dot|punkt|point|punto)|\s+(?:dot|punkt|point|punto)\s)|\d(?:[.-]?\s*\d){12}|[a-z]{2}\d\d|eyJ|[sprk]k_|gh[pousr]_|github_pat|xox|glpat|whsec|AKIA|ASIA|AIza|SG\.|bearer|authorization|[a-z0-9+/_-]{32}/i;

// Pages show the same strings again and again (table cells, every checkout's full snapshot): the result of each
// text worth a look is kept, with the pieces it masked, up to CACHE_ENTRIES texts of at most CACHE_TEXT characters.
const CACHE_ENTRIES = 2000;
const CACHE_TEXT = 300;
const cache = new Map<string, { out: string; pieces: string[] }>();

/** Masks the patterns above in `text`; `onMasked` is called once per match. */
export function maskPatterns(text: string, onMasked?: OnMasked, skipEmail?: (email: string) => boolean): string {
  // Cheap exits for the common case (a busy page's cells): under 13 characters only an email fits, under 32 only
  // something with an @ or digits; "at" (ät, arobase, chez, arroba, chiocciola) for the spelled-out addresses.
  if (
    text.length < 32 &&
    !(text.length < 13 ? /[@＠]|%40|[aä]t\W|chez/i : /[@＠%\d]|[aä]t\W|ar?rob|chez|chioc|k_|h._|xox|glpat/i).test(text)
  )
    return text;
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
  return (
    text
      .replace(EMAIL, (m, before: string, local: string, sign: string, domain: string) => {
        if (skipEmail?.(`${local}@${domain}`)) return m;
        const labels = domain.split(".");
        const tld = labels.pop();
        return before + hit(`${keepFirst(local)}${sign}${labels.map(keepFirst).join(".")}.${tld}`);
      })
      .replace(EMAIL_TAIL, (m, before: string, local: string, at: string, domain: string) =>
        skipEmail?.(`${local}@${domain}`) ? m : before + hit(keepFirst(local) + at + (domain && keepFirst(domain))),
      )
      .replace(SPELLED, (m, before: string, local: string, at: string, domain: string, offset: number, all: string) => {
        const parts = domain.split(SPELLED_DOT); // label, separator, label, ..., top-level domain
        const next = all.slice(offset + m.length, offset + m.length + 80);
        const bare = !/[([{<]/.test(at);
        if (bare && (PROSE.test(local) || SMALL.test(parts[0]) || AFTER_AT.test(parts[0]))) return m;
        // Where the address ends: before a spelled dot and a small word (not a last label, but for "punto por punto").
        for (let i = 2; i < parts.length; i += 2)
          if (
            parts[i - 1] !== "." &&
            SMALL.test(parts[i]) &&
            (i < parts.length - 1 || /^\s+(?:dot|punkt|point|punto)\b/i.test(next))
          )
            parts.length = i - 1;
        // Then at the last label that can end it; labels after a spelled dot are dropped until one does.
        const fits = (tld: string) => {
          if (!/^\p{L}{2,}$/u.test(tld)) return false;
          if (!bare) return true;
          const dots = parts.filter((p, i) => i % 2 && p !== ".");
          if (!dots.length) return !(/\n|chez/i.test(at) || FILE_TLD.test(tld) || CODE_AFTER.test(next));
          if (WORD_DOT.test(tld) || (CHEZ_PROSE.test(tld) && /chez/i.test(at) && !/[([{<]/.test(domain))) return false;
          const mixed = /^\s+at/i.test(at) && dots.find((p) => /p(?:oint|unto)/i.test(p));
          // "point it" is English when English goes on after it ("People at Google point it out").
          const english = () => ENGLISH_TWO.test(tld) && PROSE_ON.test(domain.slice(parts.join("").length) + next);
          return !mixed || (/^(?:\p{L}\p{L}|com|net|org)$/iu.test(tld) && !(/point/i.test(mixed) && english()));
        };
        while (parts.length > 1 && !fits(parts[parts.length - 1]) && parts[parts.length - 2] !== ".") parts.length -= 2;
        if (parts.length < 3 || !fits(parts[parts.length - 1])) return m;
        const address = parts.join("");
        return (
          before +
          hit(
            keepFirst(local) + at + parts.map((p, i) => (i % 2 || i === parts.length - 1 ? p : keepFirst(p))).join(""),
          ) +
          domain.slice(address.length)
        );
      })
      .replace(JWT, (m) => hit(dotsFrom(m, 3)))
      // The service's prefix stays (sk_live_, ghp_, SG., AKIA): it tells what kind of key was there.
      .replace(KEY, (m) => hit(dotsFrom(m, /^(?:A[KS]IA|AIza|(?:[a-z]+_)*[a-z]+[_.-])/i.exec(m)?.[0].length ?? 0)))
      .replace(BEARER, (m) => hit(dotsFrom(m, m.search(/\S+$/))))
      .replace(IBAN, (m) => {
        if (m < "A") return ibanValid(`PL${m}`) ? hit(dotsFrom(m, 0)) : m;
        // The match may run on into the next words ("… 0130 00 EUR"): drop trailing groups until the check passes.
        for (let s = m; s.length >= 15; s = s.replace(/[\s-]?[a-z0-9]+$/i, ""))
          if (ibanValid(s)) return hit(dotsFrom(s, 2)) + m.slice(s.length);
        return m;
      })
      .replace(DIGIT_GROUPS, (m) => maskCards(m, hit))
      .replace(LONG_RUN, (m) => (looksRandom(m) ? hit(dotsFrom(m, 0)) : m))
  );
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
