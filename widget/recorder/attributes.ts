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

/**
 * Cleans one element's attributes (snapshot) or attribute changes (mutation) in place. `hidden` is told each value with
 * an invisible character or a full-width digit in it, as the page wrote it (edges.ts masks it as the page shows it).
 */
export function cleanAttributes(
  attributes: Attributes,
  masked: () => boolean,
  mask: TextMasker,
  tagName?: string,
  patterns?: TextMasker,
  hidden?: (attributes: Attributes, name: string, raw: string) => void,
): void {
  delete attributes.srcdoc;
  // Avatar URLs also where replay or the page may load them later: data-* (a lazy loader's data-src), links.
  const avatars = patterns ? maskAvatar : asIs;
  for (const name in attributes) {
    const value = attributes[name];
    if (name.charCodeAt(0) === 111 && /^on/i.test(name)) delete attributes[name];
    // data-* values are not shown but are recorded: apps keep the user's email or ids there for their scripts.
    else if (typeof value === "string") {
      if (hidden && HIDDEN.test(value)) hidden(attributes, name, value);
      if (name.startsWith("data-") || name === "content" || name === "download")
        attributes[name] = avatars(mask(value));
      // Most classes have no @, % or digit, one of which an email, a card or an IBAN needs, nor the 20+ characters in
      // a row of a key without digits: not looked at.
      else if (patterns && ID_ATTRIBUTES.includes(name)) {
        if (/[@%\d]|[\w-]{20}/.test(value)) attributes[name] = patterns(value);
        // Any other: emails, avatar ids and secret URL parameters out, as in what replay loads. An input's value is the
        // input rules'. Where replay loads nothing and no number soup is (a custom element's customer-iban, Angular's
        // ng-reflect-*, aria-*; not srcset, style, a stylesheet's text, SVG geometry), cards, IBANs and keys too.
      } else if (patterns && name !== "value") {
        const loaded = maskLoaded(value, patterns);
        attributes[name] =
          name === "style" || name === "_cssText"
            ? maskCss(loaded, patterns)
            : LOADED.test(name) || URL_ATTRIBUTES.includes(name)
              ? loaded
              : patterns(loaded);
      }
    } else if (value && typeof value === "object") cssOm(value, patterns); // a style change: a diff of properties
  }
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value !== "string") continue;
    // Links are never followed in replay: masked by pattern like text (mailto:jane@…, /customers/jane@…/, ?card=…).
    // What replay loads (img src, a stylesheet's href) keeps its bytes, only secret parameters go.
    attributes[name] = isScriptUrl(value)
      ? "#"
      : URL_ATTRIBUTES.indexOf(name) < 5 && tagName !== "link"
        ? avatars(mask(scrubAttributeUrl(value)))
        : patterns
          ? maskLoaded(scrubAttributeUrl(value), patterns)
          : scrubAttributeUrl(value);
  }
  // The DOM lookup behind masked() runs only for the few changes that carry readable text (busy pages mostly change
  // style and class).
  if (!TEXT_ATTRIBUTES.some((name) => typeof attributes[name] === "string")) return;
  const all = masked();
  for (const name of TEXT_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value !== "string") continue;
    if (all) attributes[name] = maskText(value);
    // An input's value is the customer's typing: masked (or not) by the input rules, not rewritten here. Not a
    // checkbox's, a radio's or a button's: the page's (an address to invite, a saved card), which rrweb leaves as is.
    else if (
      name !== "value" ||
      (tagName !== undefined && (!INPUT_TAGS.has(tagName) || PAGE_VALUE.test(`${attributes.type}`)))
    )
      attributes[name] = mask(value);
  }
}
