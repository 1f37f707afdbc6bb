/** Privacy scrubbing for everything the widget captures (URLs, click text, console text). Pure; no DOM. */
import { WIDGET_LIMITS } from "../../shared/limits.js";
import { DOT, EMAIL, maskPatterns } from "./patterns.js";

export const REDACTED = "[redacted]";

const SECRET_SUBSTRINGS =
  /token|secret|passw|pwd|signature|session|credential|jwt|apikey|api_key|api-key|auth|private|bearer/i;
const SECRET_WORDS = new Set([
  "code",
  "key",
  "sig",
  "sid",
  "otp",
  "pin",
  "ssn",
  "hash",
  "nonce",
  "ticket",
  "pass",
  "saml",
  "samlresponse",
]);

/** Whether a query or fragment parameter name looks like it carries a credential. */
export function isSecretParam(name: string): boolean {
  if (SECRET_SUBSTRINGS.test(name)) return true;
  // split "X-Amz-Signature", "accessKey", "api.key" into words
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => SECRET_WORDS.has(w));
}

function scrubParams(params: string): string {
  return params
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        /* keep raw */
      }
      return isSecretParam(name)
        ? `${pair.slice(0, eq)}=${REDACTED}`
        : pair.slice(0, eq + 1) + maskValue(pair.slice(eq + 1));
    })
    .join("&");
}

/**
 * A parameter's value is percent-encoded ("4111%201111%201111%201111", "DE89+3704+…", what a search box sends):
 * masked as the app meant it, then encoded again with the dots left readable. Plain values are masked with the rest
 * of the URL.
 */
function maskValue(raw: string, loaded?: boolean): string {
  const coded = /[%+]/.test(raw);
  if (!coded && !loaded) return raw;
  let text = raw;
  try {
    if (coded) text = decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
  const masked = maskPatterns(text, undefined, undefined, loaded);
  return masked === text ? raw : coded ? encodeURIComponent(masked).replace(/%E2%80%A2/g, DOT) : masked;
}

/**
 * The parameter values of a URL replay loads, which scrubUrl's result does not replace when nothing was redacted: an
 * EPC QR code's image names an IBAN, a pixel a card. Cards, IBANs, keys and tokens masked; a run of 32+ characters (a
 * cache-busting hash) kept, so the URL still loads.
 */
export const maskQuery = (url: string) =>
  url.replace(/([?&#][^=&#]*=)([^&#]*)/g, (_, name: string, raw: string) => name + maskValue(raw, true));

/**
 * Replaces the values of secret-looking query and fragment parameters with "[redacted]", drops user:password@,
 * and caps the length. Relative URLs are resolved against `base` when given.
 */
export function scrubUrl(raw: string, base?: string): string {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return scrubText(raw).slice(0, WIDGET_LIMITS.url);
  }
  if (url.username || url.password) {
    url.username = "";
    url.password = "";
  }
  let out = url.origin === "null" ? `${url.protocol}${url.pathname}` : `${url.origin}${url.pathname}`;
  if (url.search) out += `?${scrubParams(url.search.slice(1))}`;
  if (url.hash) {
    const hash = url.hash.slice(1);
    // "#access_token=...&state=..." (OAuth implicit flow) and "#/route?token=..." (hash routers)
    const q = hash.indexOf("?");
    if (q >= 0) out += `#${hash.slice(0, q + 1)}${scrubParams(hash.slice(q + 1))}`;
    else out += `#${hash.includes("=") ? scrubParams(hash) : hash}`;
  }
  // Emails, card numbers and tokens in the path (/users/jane@x.com, /reset/eyJ…) too.
  out = maskPatterns(out);
  return out.length > WIDGET_LIMITS.url ? out.slice(0, WIDGET_LIMITS.url) : out;
}

// 13–19 digits, optionally grouped by spaces or dashes: card numbers; also long IBAN-like runs
const CARD_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/g;

/** Scrubs emails, card-like digit runs, IBANs, keys, tokens and secrets in URLs out of free text. */
export function scrubText(text: string): string {
  return maskPatterns(
    text
      .replace(URL_IN_TEXT, (u) => (u.includes("?") || u.includes("#") || u.includes("@") ? scrubUrl(u) : u))
      .replace(EMAIL, (_, before: string) => `${before}[email]`)
      .replace(CARD_LIKE, "[number]"),
  );
}

/**
 * Scrubs only the start of a long text that will be cut to `max` characters anyway (a click on a page-sized element,
 * a console message of a whole data URL): scrubbing costs time in the page. The margin keeps a card, an IBAN or a key
 * that straddles the cut whole, so it is still recognised.
 */
export function scrubStart(text: string, max: number): string {
  return scrubText(text.length > max + 256 ? text.slice(0, max + 256) : text);
}

/** Collapses whitespace, scrubs and truncates to `max` characters (with an ellipsis). */
export function shortText(text: string, max: number): string {
  const clean = scrubStart(
    text
      .slice(0, (max + 256) * 4)
      .replace(/\s+/g, " ")
      .trim(),
    max,
  );
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
