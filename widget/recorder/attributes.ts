/**
 * One element's attributes, cleaned in place (a snapshot's, or a mutation's changes): what sanitize.ts says of
 * attributes — srcdoc and on* handlers dropped, script URLs neutralised, secret URL parameters and avatar ids out,
 * readable attributes masked like text, identifier attributes masked only where a pattern matches.
 */
import { DOT, EMAIL } from "../capture/patterns.js";
import { maskQuery, REDACTED, scrubUrl } from "../capture/scrub.js";
import { maskCss } from "./css.js";

export type Attributes = Record<string, string | number | boolean | null>;

// (Lists written as one string: fewer bytes on the wire.)
const TEXT_ATTRIBUTES = "title alt aria-label aria-description aria-valuetext placeholder label value".split(" ");
// Ids, classes and the attributes that point at ids: replay and the page's CSS use them, so only the pattern's match
// changes (the same everywhere: a label's `for` still names its input's masked id), and not by the site's text rule.
const ID_ATTRIBUTES =
  "id class name for headers form list aria-labelledby aria-describedby aria-controls aria-owns aria-activedescendant itemid".split(
    " ",
  );
// The first five are links (never followed in replay), the others what replay loads; rr_src: what rrweb keeps of an
// iframe's src.
const URL_ATTRIBUTES = "href action formaction cite xlink:href src rr_src poster data".split(" ");
const LOADED = /^(?:srcset|style|_cssText|d|points)$/;
// Browsers ignore leading spaces and control characters (however many), and tabs/newlines inside the scheme.
const isScriptUrl = (value: string) =>
  /^(java|vb)script:/i.test(
    value
      .replace(/^[\0- ]+/, "")
      .slice(0, 99)
      .replace(/[\t\n\r]/g, ""),
  );
// Where `value` is the customer's typing (the input rules mask it); an <option>'s value is the page's, like its text.
const INPUT_TAGS = new Set(["input", "textarea", "select"]);
export const PAGE_VALUE = /^(?:checkbox|radio|submit|button|image)$/i;

export type TextMasker = (text: string) => string;
export const asIs: TextMasker = (text) => text;

const maskText = (value: string) => value.replace(/\S/g, "*");

/**
 * Only URLs that could carry a secret go through the (costlier) URL parser; others are kept byte for byte. Relative
 * ones too (a form's action="/login?session=…"): resolved against a stand-in origin, given back without it. Not
 * "//host/…": an avatar's hash there turns to zeros (maskAvatar), which still load a default picture.
 */
function scrubAttributeUrl(value: string): string {
  const relative = !/^(?:[a-z][\w+.-]*:|\/\/)/i.test(value);
  if (!/[?#]/.test(value) || !(relative || /^https?:/i.test(value))) return value;
  const scrubbed = scrubUrl(value, "http://h");
  return !scrubbed.includes(REDACTED) ? maskQuery(value) : relative ? scrubbed.slice(8) : scrubbed;
}

// What names the person in an avatar URL, replaced by zeros of the same length (which serve a default picture): an
// email's MD5/SHA-256 in the Gravatar/Libravatar path /avatar/<hash> on any host (Libravatar servers are federated: a
// domain runs its own) or gravatar.com/<hash>, in Gravatar's old avatar.php?gravatar_id= and email_hash/emailHash
// parameters; GitHub's numeric user id (avatars.githubusercontent.com/u/<id>); a Google account's photo id
// (lh3.googleusercontent.com/a/<id>, /a-/<id>; the =s96-c size stays). Not /avatars/<hash>: that is how asset
// pipelines name files by their content. GitHub also serves a user's avatar at github.com/<user>.png: the name is
// masked as text is (o••••••.png, its length kept); a profile link (github.com/<user>) is not an avatar and stays.
const AVATAR =
  /(\/avatar\/|gravatar\.com\/|[?&;](?:gravatar_id|email_?hash)=)([0-9a-f]{64}|[0-9a-f]{32})(?![0-9a-f])|(avatars\d*\.githubusercontent\.com\/u\/|lh\d\.googleusercontent\.com\/a-?\/)([\w-]+)|(\/\/(?:www\.)?github\.com\/)([a-z\d][a-z\d-]{0,38})(?=\.png)/gi;
// The query of a URL that names an avatar (avatar.php?hash=, /avatar?md5=, ?s=): an email's hash in any parameter.
const AVATAR_QUERY = /avatar[^?#\s"'()]*\?[^#\s"'()]+/gi;
const zeros = (hash: string) => "0".repeat(hash.length);

/** What names the person in an avatar URL, wherever the URL is: what replay loads, a link, a lazy loader's data-src. */
function maskAvatar(value: string): string {
  return /avatar|email_?hash|usercontent|github\.com/i.test(value)
    ? value
        .replace(AVATAR, (_, path?: string, hash?: string, host?: string, id?: string, gh?: string, user?: string) =>
          user ? gh + user[0] + DOT.repeat(user.length - 1) : (path ?? host) + zeros(hash ?? id ?? ""),
        )
        .replace(AVATAR_QUERY, (query) =>
          query.replace(/=([0-9a-f]{64}|[0-9a-f]{32})(?![^&;])/gi, (_, hash) => `=${zeros(hash)}`),
        )
    : value;
}

/**
 * A URL replay loads (img src, srcset, a background in a style or stylesheet): emails, avatar ids and secret
 * parameters (a signed URL's X-Amz-Signature, ?access_token=) out, the rest as is.
 */
export function maskLoaded(value: string, patterns: TextMasker): string {
  const out = maskAvatar(/[?#]/.test(value) ? value.replace(/https?:\/\/[^\s'"()]+/gi, scrubAttributeUrl) : value);
  return /@|%40/.test(out) ? out.replace(EMAIL, patterns) : out;
}

/**
 * CSS (a style change's properties, rules added through the CSSOM), in place: as a <style>'s text; a custom property's
 * value set alone (style diff { "--card": … }, setProperty("--card", …)) as one.
 */
export function cssOm(css: object, patterns?: TextMasker): void {
  const o = css as Record<string, unknown>;
  for (const k in o)
    if (typeof o[k] === "string")
      o[k] = patterns
        ? maskCss(
            maskLoaded(o[k], patterns),
            patterns,
            k.startsWith("--") || (k === "value" && /^--/.test(`${o.property}`)),
          )
        : o[k];
    else if (o[k] && typeof o[k] === "object") cssOm(o[k], patterns);
}

// Invisible characters and full-width digits, which may hide an address or a card (title="ja&shy;ne@…").
const HIDDEN = /[\xad\u200b-\u200d\u2060\ufeff０-９]/;

// What cleanAttributes does with an attribute, by its name; decided once per name (a page repeats a few dozen names,
// thousands of times in a large snapshot). Links are the first five URL attributes.
const DROP = 0; // srcdoc, on* handlers
const DATA = 1; // data-*, content, download
const ID = 2;
const LINK = 3;
const SRC = 4; // what replay loads by URL
const LOADED_ = 5; // srcset, style, a stylesheet's text, SVG geometry
const TEXT = 6;
const VALUE = 7;
const OTHER = 8;
const kinds = new Map<string, number>();
function kindOf(name: string): number {
  let kind = kinds.get(name);
  if (kind !== undefined) return kind;
  const url = URL_ATTRIBUTES.indexOf(name);
  kind =
    name === "srcdoc" || (name.charCodeAt(0) === 111 && /^on/i.test(name))
      ? DROP
      : name.startsWith("data-") || name === "content" || name === "download"
        ? DATA
        : ID_ATTRIBUTES.includes(name)
          ? ID
          : url >= 0
            ? url < 5
              ? LINK
              : SRC
            : LOADED.test(name)
              ? LOADED_
              : name === "value"
                ? VALUE
                : TEXT_ATTRIBUTES.includes(name)
                  ? TEXT
                  : OTHER;
  // Names a page makes up without end (data-row-1, data-row-2…) do not grow it without end.
  if (kinds.size > 2000) kinds.clear();
  kinds.set(name, kind);
  return kind;
}

/**
 * Cleans one element's attributes (snapshot) or attribute changes (mutation) in place, one attribute at a time (each
 * is cleaned on its own). `hidden` is told each value with an invisible character or a full-width digit in it, as the
 * page wrote it (edges.ts masks it as the page shows it). `mask` applies `patterns` too, when they are given.
 */
export function cleanAttributes(
  attributes: Attributes,
  masked: () => boolean,
  mask: TextMasker,
  tagName?: string,
  patterns?: TextMasker,
  hidden?: (attributes: Attributes, name: string, raw: string) => void,
): void {
  // Avatar URLs also where replay or the page may load them later: data-* (a lazy loader's data-src), links.
  const avatars = patterns ? maskAvatar : asIs;
  // The DOM lookup behind masked() runs only for the few elements and changes that carry readable text (busy pages
  // mostly change style and class).
  let all: boolean | undefined;
  for (const name in attributes) {
    const kind = kindOf(name);
    let value = attributes[name];
    if (kind === DROP) {
      delete attributes[name];
      continue;
    }
    if (typeof value !== "string") {
      if (value && typeof value === "object") cssOm(value, patterns); // a style change: a diff of properties
      continue;
    }
    if (hidden && HIDDEN.test(value)) hidden(attributes, name, value);
    // data-* values are not shown but are recorded: apps keep the user's email or ids there for their scripts.
    if (kind === DATA) value = avatars(mask(value));
    // Most classes have no @, % or digit, one of which an email, a card or an IBAN needs, nor the 20+ characters in a
    // row of a key without digits: not looked at. Not by the site's text rule: replay and the page's CSS use them.
    else if (kind === ID) {
      if (patterns && /[@%\d]|[\w-]{20}/.test(value)) value = patterns(value);
    } else if (kind === LINK && tagName !== "link") {
      // Links are never followed in replay: masked by pattern like text (mailto:jane@…, /customers/jane@…/, ?card=…),
      // which `mask` does; before that, secret parameters of URLs in it (?next=https://…?token=) and avatar ids out.
      if (patterns) value = /[?#]/.test(value) ? maskLoaded(value, patterns) : maskAvatar(value);
      value = isScriptUrl(value) ? "#" : avatars(mask(scrubAttributeUrl(value)));
      // Any other: emails, avatar ids and secret URL parameters out, as in what replay loads (which keeps its bytes
      // but for secret parameters). An input's value is the input rules'. Where replay loads nothing and no number soup
      // is (a custom element's customer-iban, Angular's ng-reflect-*, aria-*; not srcset, style, a stylesheet's text,
      // SVG geometry), cards, IBANs and keys too.
    } else if (kind === LINK || kind === SRC) {
      if (patterns) value = maskLoaded(value, patterns);
      value = isScriptUrl(value)
        ? "#"
        : patterns
          ? maskLoaded(scrubAttributeUrl(value), patterns)
          : scrubAttributeUrl(value);
    } else if (kind === LOADED_) {
      if (patterns) value = maskLoaded(value, patterns);
      if (patterns && (name === "style" || name === "_cssText")) value = maskCss(value, patterns);
    } else if (kind !== VALUE && patterns) value = patterns(maskLoaded(value, patterns));
    if (kind === TEXT || kind === VALUE) {
      all ??= masked();
      if (all) value = maskText(value);
      // An input's value is the customer's typing: masked (or not) by the input rules, not rewritten here. Not a
      // checkbox's, a radio's or a button's: the page's (an address to invite, a saved card), which rrweb leaves as is.
      else if (
        kind === TEXT ||
        (tagName !== undefined && (!INPUT_TAGS.has(tagName) || PAGE_VALUE.test(`${attributes.type}`)))
      )
        value = mask(value);
    }
    attributes[name] = value;
  }
}
