/**
 * Personal data found by pattern in text the page shows (and in console text, failed-request URLs, metadata, titles):
 * email addresses (also %40-encoded), payment card numbers (Luhn-valid, 13–19 digits, grouped by spaces, dashes or
 * dots) and IBANs (mod-97 valid, any case), both in numbers.ts, and secrets (JWTs, keys of common services by their
 * prefix, the credential of an Authorization header, runs of 32+ hex or base64 characters). Only the match is
 * replaced, keeping its length and shape (j•••••@e••••••.com), so replay stays readable. Dashed UUIDs are ids and
 * stay. Every pattern costs time in proportion to the text (tests/unit/widget-patterns-cost.test.ts). Pure; no DOM.
 */
import { DOT, dotsFrom, keepFirst } from "./dots.js";
import { maskNumbers } from "./numbers.js";

export { DOT };

/** Told each masked piece (already masked): the form's preview counts them ("3 pieces of text hidden"). */
export type OnMasked = (masked: string) => void;

// Tried only from the start of a run of address characters (the character before is captured and given back), so a
// long run without an @ costs one pass, not one per character. Letters of any script. "%40": an address
// percent-encoded in a URL (URLSearchParams writes @ that way); "＠", the full-width @ of Chinese and Japanese pages
// ("info＠example.co.jp", also written to get past scrapers); a zero-width space or word joiner next to the @ (put
// there so the address is not made a link, or may wrap). Not "logo@2x.png" (image density suffixes) nor "pkg@1.2.3":
// the top-level domain starts with a letter. A quoted local part ("john smith"@example.com) and a domain
// percent-encoded in a link (mailto:hans@b%C3%BCcher.de, an IDN as the browser writes it) too, and the full-width
// dot of Japanese pages (info＠example．co．jp). Not case-insensitive (its letters are any case anyway): compiling
// \p{L} case-insensitively takes Chromium twice as long, on the page's first address or first click. U+0345, the one
// mark that case-folds to a letter (ι), is named so the pattern matches what it did case-insensitively.
export const EMAIL =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+0345 stands alone in the classes on purpose (above)
  /(^|[^\p{L}\u0345\p{N}_.+%'-])("[^"\n]{1,64}"|[\p{L}\u0345\p{N}_.+%'-]+)([\u200b\u2060]?(?:[@＠]|%40)[\u200b\u2060]?)(?!\d[xX]\.)((?:[\p{L}\u0345\p{N}_-]|%[\da-fA-F]{2})+(?:[.．](?:[\p{L}\u0345\p{N}_-]|%[\da-fA-F]{2})+)*[.．][\p{L}\u0345][\p{L}\u0345\p{N}_-]+)/gu;
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
// decisions in tests/unit/widget-patterns-cases.test.ts. A dot with spaces around it ("jane @ example . com") is a
// spelled one ("Lisa at Acme. Then" is prose: no space before the full stop).
// At most 7 labels, so a page of "x [dot] x [dot] …" costs one short match at a time.
const SPELLED =
  /(^|[^\p{L}\p{N}_.+%'-])([\p{L}\p{N}_.+%'-]+)(\s*[([{<]\s*(?:at|ät|@|arobase|chez|arroba|chiocciola)\s*[)\]}>]\s*|\s+(?:at|ät|@|arobase|chez|arroba|chiocciola)\s+)([\p{L}\p{N}-]+(?:(?:\s*[([{<]\s*(?:dot|punkt|point|punto)\s*[)\]}>]\s*|\s+(?:dot|punkt|point|punto|\.)\s+|\.)[\p{L}\p{N}-]+){1,6})/giu;
const SPELLED_DOT = /(\s*[([{<]\s*(?:dot|punkt|point|punto)\s*[)\]}>]\s*|\s+(?:dot|punkt|point|punto|\.)\s+|\.)/i;
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
// The signature may be short or empty (an unsecured token, "alg":"none"): the payload is what names the person.
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g;
const KEY =
  /\b(?:[srp]k_(?:live|test)_[A-Za-z0-9]{10,}|sk_[A-Za-z0-9]{20,}|(?:gh[pousr]_|github_pat_|xox[abpre]-|glpat-|whsec_)[\w-]{16,}|A[KS]IA[A-Z0-9]{16}\b|AIza[\w-]{35}|SG\.[\w-]{16,}\.[\w-]{16,})/g;
// "Authorization: Bearer …", "Basic …": the credential after the scheme, whatever its length, when it has a digit or
// 16+ characters (not "bearer authentication" in prose).
const BEARER = /\b(?:bearer|authorization:[ \t]*\w+)[ \t]+(?=[\w.~+/-]*\d|[\w.~+/-]{16})[\w.~+/-]{8,}=*/gi;
const LONG_RUN = /[\w+/-]{32,}={0,2}/g;
const prefixOf = (key: string) => /^(?:A[KS]IA|AIza|eyJ|(?:[a-z]+_)*[a-z]+[_.-])/i.exec(key)?.[0].length ?? 0;
// The end of a text still being written (a chat answer streamed in token by token, every state recorded): what may
// yet become a card (a group of 4 digits and one more, not after another group: a phone number; 6+ digits in a row
// starting as a card does, 2 to 6), an IBAN (any case: a group after the check digits, then a digit; a group after a
// space starts with one), a key or a token (by its prefix, or 8+ key characters that look random or mix 3+ letters
// and 3+ digits) is masked before it is whole, as it will be once it is: at most 5 digits of a card, 7 characters of
// a key show. The last 80 characters are looked at.
const TAIL =
  /\b(?:([1-9]\d{3}[ -]\d[\d -]*|[2-6]\d{5,})|[A-Z]{2}\d\d[ -]?[A-Z\d]{4}[ -]?\d(?:[ -]?\d|[A-Z])*[ -]?|(?:eyJ|[srp]k_|gh[pousr]_|github_pat_|xox[abpre]-|glpat-|whsec_|A[KS]IA|AIza|SG\.)[\w.-]*|([\w+/-]{8,}))$/i;

/**
 * A run of 32+ key-like characters is a secret when it holds 32+ hex characters with a digit among them (also behind
 * a prefix: shpat_…, key-…) or 32+ letters of one case and digits, two digits or more (Mailgun's key-3ax6…, a base32
 * authenticator secret JBSW…; a long word has none), or mixes lower and upper case, and digits or a change of case
 * every third character or more, without reading as words (a path such as /src/components/PaymentStep2/Index, a camelCase name: 70%+ of it in
 * runs of 3+ lower-case letters; a random 32-character base64 key reads that way about once in 5,000, a
 * 40-character one once in 14,000). Names with acronyms (getHTMLElementByIDForXMLHttpRequest) change case less often
 * than a key of letters only, which most of the time (19 in 20 at 32 characters) changes it every other one. A key
 * with long runs of one case instead is told by its clusters of three consonants of one case (one per 6.4 characters;
 * words have vowels, acronyms are short): 1 in 63 random 32-letter keys stays readable (was 1 in 24), 1 of 1,525 real
 * identifiers of 32+ letters is masked, as before (bench/mask-key-rule.ts).
 */
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
const looksRandom = (run: string) => {
  const words = (run.match(/[A-Z]?[a-z]{3,}/g) ?? []).join("").length / run.length;
  return (
    (run.match(/[a-z\d]{32,}|[A-Z\d]{32,}/g) ?? []).some((one) => /\d.*\d/.test(one)) ||
    (run.match(/[\da-f]{32,}/gi) ?? []).some((hex) => /\d/.test(hex)) ||
    (/[a-z]/.test(run) &&
      /[A-Z]/.test(run) &&
      (/\d/.test(run) ||
        count(run, /[a-z](?=[A-Z])|[A-Z](?=[a-z])/g) * 3 >= run.length ||
        count(run, /(?=[B-DF-HJ-NP-TV-XZ]{3}|[b-df-hj-np-tv-xz]{3})/g) * 6.4 >= run.length) &&
      words < 0.7)
  );
};

/**
 * What every pattern above needs somewhere in the text: an @ (or %40), 13 digits in a row (separators between), a
 * country code and check digits, eyJ, a key prefix, a bearer scheme, or 32 key-like characters. One scan instead of
 * eight, and most text has none of them.
 */
const ANY =
  /[@＠]|%40|[([{<]\s*(?:[aä]t|arobase|chez|arroba|chiocciola)\s*[)\]}>]|\s(?:[aä]t|arobase|chez|arroba|chiocciola)\s+[^\s.]+(?:\.[a-z]|\s*[([{<]\s*(?:dot|punkt|point|punto)|\s+(?:dot|punkt|point|punto|\.)\s)|\d(?:[.-]?\s*\d){12}|[a-z]{2}\d\d|eyJ|[sprk]k_|gh[pousr]_|github_pat|xox|glpat|whsec|AKIA|ASIA|AIza|SG\.|bearer|authorization|[\w+/-]{32}/i;

// Pages show the same strings again and again (table cells, every checkout's full snapshot): the result of each
// text worth a look is kept, with the pieces it masked, for texts of at most CACHE_TEXT characters, CACHE_CHARS in all
// (~1 MB with the results): a list of 4,000 addresses is masked once, not again at each checkout (4x less work then).
const CACHE_TEXT = 300;
const CACHE_CHARS = 250_000;
let cached = 0;
const cache = new Map<string, { out: string; pieces: string[] }>();

/**
 * Masks the patterns above in `text`; `onMasked` is called once per match. `keepRuns`: not a run of 32+ characters
 * (in a URL replay loads, most often a content hash the URL needs).
 */
export function maskPatterns(
  text: string,
  onMasked?: OnMasked,
  skipEmail?: (email: string) => boolean,
  keepRuns?: boolean,
): string {
  // Cheap exits for the common case (a busy page's cells): under 13 characters only an email fits, under 32 only
  // something with an @ or digits; "at" (ät, arobase, chez, arroba, chiocciola) for the spelled-out addresses.
  if (
    text.length < 32 &&
    !(text.length < 13 ? /[@＠]|%40|[aä]t\W|chez/i : /[@＠%\d]|[aä]t\W|ar?rob|chez|chioc|k_|h._|xox|glpat/i).test(text)
  )
    return text;
  const cacheable = !skipEmail && !keepRuns && text.length <= CACHE_TEXT;
  const known = cacheable ? cache.get(text) : undefined;
  if (known) {
    if (onMasked) for (const piece of known.pieces) onMasked(piece);
    return known.out;
  }
  if (!ANY.test(text)) return text;
  const pieces: string[] = [];
  const out = replacePatterns(text, pieces, skipEmail, keepRuns);
  if (cacheable) {
    cached += text.length;
    if (cached > CACHE_CHARS) {
      cache.clear();
      cached = text.length;
    }
    cache.set(text, { out, pieces });
  }
  if (onMasked) for (const piece of pieces) onMasked(piece);
  return out;
}

function replacePatterns(
  text: string,
  pieces: string[],
  skipEmail?: (email: string) => boolean,
  keepRuns?: boolean,
): string {
  const hit = (masked: string) => {
    pieces.push(masked);
    return masked;
  };
  const keys = text
    .replace(EMAIL, (m, before: string, local: string, sign: string, domain: string) => {
      if (skipEmail?.(`${local}@${domain}`)) return m;
      const labels = domain.split(/([.．])/); // label, dot, label, ..., top-level domain
      const last = labels.length - 1;
      return (
        before + hit(keepFirst(local) + sign + labels.map((p, i) => (i % 2 || i === last ? p : keepFirst(p))).join(""))
      );
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
    .replace(KEY, (m) => hit(dotsFrom(m, prefixOf(m))))
    .replace(BEARER, (m) => hit(dotsFrom(m, m.search(/\S+$/))));
  // Account and card numbers before the long runs: an IBAN run together is one too.
  // A run with "/" and "_" or "-" is no one base64 key but a path (/customers/cus_9f8e/cards/card_1Mz8Xq): its
  // segments are looked at one by one.
  const numbers = maskNumbers(keys, hit);
  return keepRuns
    ? numbers
    : numbers.replace(LONG_RUN, (m) =>
        (/[_-]/.test(m) ? m.split("/") : [m])
          .map((p) => (p.length > 31 && looksRandom(p) ? hit(dotsFrom(p, 0)) : p))
          .join("/"),
      );
}

/** Masks what may be the start of a card, an account number, a key or a token at the end of `text` (see TAIL). */
export function maskTail(text: string): string {
  const at = Math.max(0, text.length - 80);
  const m = TAIL.exec(text.slice(at));
  if (
    !m ||
    /[\d+][ -]?$/.test(text.slice(0, at + m.index)) ||
    (m[2] && !looksRandom(m[2]) && !/^(?=(?:\D*\d){3})(?=(?:\d*[a-z]){3})[a-z\d]+$/i.test(m[2]))
  )
    return text;
  return (
    text.slice(0, at + m.index) + (m[1] ? m[1].replace(/\d/g, DOT) : dotsFrom(m[0], m[2] ? 0 : prefixOf(m[0]) || 2))
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
