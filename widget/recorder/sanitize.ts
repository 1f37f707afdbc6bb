/**
 * Attribute leaks rrweb's masking options do not cover, removed from each event as it is emitted (before it enters
 * the buffer, so nothing unmasked is ever held in memory):
 * - iframe `srcdoc` holds a whole HTML document verbatim, masked text included. The frame's content is recorded
 *   (and masked) as the iframe's own document, so replay does not need the attribute: it is dropped.
 * - elements inside `data-handoff-mask` keep their text masked by rrweb, but not their human-readable attributes
 *   (title, alt, aria-label, placeholder...): those are masked the same way.
 * - URLs in href/src/action attributes lose secret query and fragment parameters, as every other captured URL; links
 *   (not what replay loads) and data-* values are masked by pattern too.
 * - inline event handlers (every `on*` attribute) and `javascript:`/`vbscript:` URLs are page source, often with
 *   tokens or customer data in them; replay never runs them: dropped.
 * - personal data by pattern (capture/patterns.ts) in text nodes and readable attributes, via `maskText`; also
 *   across the text nodes of a block's inline run (runs.ts), and in identifier attributes (id, class, for...) where
 *   only the match changes, so selectors on the other tokens still apply.
 * - what replay loads keeps its bytes but for emails in its URL and what names the person in an avatar URL (Gravatar,
 *   Libravatar: an email's hash; GitHub's user id; a Google account's photo id): zeros, which serve a default picture;
 *   the same in data-* values (data-src, data-srcset of lazy loaders), content and links to an avatar image.
 * Pure over serialized rrweb nodes; `isMaskedNode(id)` answers for nodes already on the page (mutations).
 */
import { DOT, EMAIL, maskTail } from "../capture/patterns.js";
import { REDACTED, scrubUrl } from "../capture/scrub.js";
import {
  BLOCK,
  BREAK,
  type Collected,
  collectRun,
  INLINE,
  INTO,
  type Kind,
  maskAcross,
  maskAtEdge,
  maskRunsOf,
  type RunNodes,
  SKIP,
  TEXT,
} from "./runs.js";

export type { RunNodes };

type Attributes = Record<string, string | number | boolean | null>;
interface SerializedNode {
  type: number;
  id?: number;
  tagName?: string;
  attributes?: Attributes;
  childNodes?: SerializedNode[];
  textContent?: string;
  isStyle?: boolean;
}

const ELEMENT_NODE = 2; // rrweb-snapshot NodeType.Element
const TEXT_NODE = 3;
const EVENT_FULL_SNAPSHOT = 2;
const EVENT_INCREMENTAL = 3;
const SOURCE_MUTATION = 0;
export const MASK_ATTRIBUTE = "data-handoff-mask";
const TEXT_ATTRIBUTES = [
  "title",
  "alt",
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "placeholder",
  "label",
  "value",
];
// Ids, classes and the attributes that point at ids: replay and the page's CSS use them, so only the pattern's match
// changes (the same everywhere: a label's `for` still names its input's masked id), and not by the site's text rule.
const ID_ATTRIBUTES = [
  "id",
  "class",
  "name",
  "for",
  "headers",
  "form",
  "list",
  "aria-labelledby",
  "aria-describedby",
  "aria-controls",
  "aria-owns",
  "aria-activedescendant",
  "itemid",
];
// rr_src: what rrweb keeps of an iframe's src.
const URL_ATTRIBUTES = ["href", "src", "rr_src", "action", "formaction", "poster", "data", "cite", "xlink:href"];
const LINK_ATTRIBUTES = new Set(["href", "action", "formaction", "cite", "xlink:href"]);
// Browsers ignore leading spaces and control characters, and tabs/newlines inside the scheme.
function isScriptUrl(value: string): boolean {
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 32) start++;
  return /^(java|vb)script:/i.test(value.slice(start, start + 40).replace(/[\t\n\r]/g, ""));
}
// Where `value` is the customer's typing (the input rules mask it); an <option>'s value is the page's, like its text.
const INPUT_TAGS = new Set(["input", "textarea", "select"]);

export type TextMasker = (text: string) => string;
const asIs: TextMasker = (text) => text;

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
  return !scrubbed.includes(REDACTED) ? value : relative ? scrubbed.slice(8) : scrubbed;
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
function maskLoaded(value: string, patterns: TextMasker): string {
  const out = maskAvatar(/[?#]/.test(value) ? value.replace(/https?:\/\/[^\s'"()]+/gi, scrubAttributeUrl) : value);
  return /@|%40/.test(out) ? out.replace(EMAIL, patterns) : out;
}

/** Cleans one element's attributes (snapshot) or attribute changes (mutation) in place. */
function cleanAttributes(
  attributes: Attributes,
  masked: () => boolean,
  mask: TextMasker,
  tagName?: string,
  patterns?: TextMasker,
): void {
  delete attributes.srcdoc;
  // Avatar URLs also where replay or the page may load them later: data-* (a lazy loader's data-src), links.
  const avatars = patterns ? maskAvatar : asIs;
  for (const name in attributes) {
    const value = attributes[name];
    if (name.charCodeAt(0) === 111 && /^on/i.test(name)) delete attributes[name];
    // data-* values are not shown but are recorded: apps keep the user's email or ids there for their scripts.
    else if (typeof value === "string") {
      if (name.startsWith("data-") || name === "content" || name === "download")
        attributes[name] = avatars(mask(value));
      // Most classes have no @, % or digit, one of which an email, a card or an IBAN needs, nor the 20+ characters in
      // a row of a key without digits: not looked at.
      else if (patterns && ID_ATTRIBUTES.includes(name)) {
        if (/[@%\d]|[\w-]{20}/.test(value)) attributes[name] = patterns(value);
      } else if (patterns && (name === "srcset" || name === "style" || name === "_cssText"))
        attributes[name] = maskLoaded(value, patterns);
    } else if (patterns && name === "style" && value && typeof value === "object") {
      // A style change arrives as a diff of properties.
      const diff = value as Record<string, string | false>;
      for (const prop in diff) if (typeof diff[prop] === "string") diff[prop] = maskLoaded(diff[prop], patterns);
    }
  }
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value !== "string") continue;
    // Links are never followed in replay: masked by pattern like text (mailto:jane@…, /customers/jane@…/, ?card=…).
    // What replay loads (img src, a stylesheet's href) keeps its bytes, only secret parameters go.
    attributes[name] = isScriptUrl(value)
      ? "#"
      : LINK_ATTRIBUTES.has(name) && tagName !== "link"
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
    // An input's value is the customer's typing: masked (or not) by the input rules, not rewritten here.
    else if (name !== "value" || (tagName !== undefined && !INPUT_TAGS.has(tagName))) attributes[name] = mask(value);
  }
}

const serializedKind = (n: SerializedNode): Kind =>
  n.type === TEXT_NODE
    ? TEXT
    : n.type !== ELEMENT_NODE
      ? n.type === 5 // a comment
        ? SKIP
        : BLOCK
      : !INLINE.test(n.tagName ?? "")
        ? BLOCK
        : n.tagName === "br"
          ? BREAK
          : INTO;

/** A block's inline run, masked across its text nodes (before each is masked on its own). */
function maskRun(node: SerializedNode, patterns: TextMasker): void {
  const run: Collected<SerializedNode> = { nodes: [], texts: [], size: 0 };
  if (
    !collectRun(
      node,
      (n) => n.childNodes,
      serializedKind,
      (n) => n.textContent ?? "",
      run,
    )
  )
    return;
  const out = maskAcross(run.texts, patterns);
  if (out) for (const [i, n] of run.nodes.entries()) if (n) n.textContent = out[i];
}

// In a full snapshot, the last text with more than whitespace, in the page's order: an address split over blocks.
let edge: { last?: SerializedNode; raw: string } | undefined;

function walk(node: SerializedNode, maskedAbove: () => boolean, mask: TextMasker, options: SanitizeOptions): void {
  let masked = maskedAbove;
  const { patterns } = options;
  if (node.type === ELEMENT_NODE && node.attributes) {
    if (MASK_ATTRIBUTE in node.attributes) masked = () => true;
    cleanAttributes(node.attributes, masked, mask, node.tagName, patterns);
    if (patterns && !INLINE.test(node.tagName ?? "")) maskRun(node, patterns);
  } else if (node.type === TEXT_NODE && node.textContent) {
    // The text before is masked already: joined as it was on the page, it is masked again with the site's rules.
    if (edge && patterns && !node.isStyle && /\S/.test(node.textContent)) {
      const out = edge.last && maskAtEdge(edge.raw, node.textContent, patterns);
      edge.raw = node.textContent;
      if (out && edge.last) [edge.last.textContent, node.textContent] = [mask(out[0]), out[1]];
      edge.last = node;
    }
    node.textContent = !node.isStyle ? mask(node.textContent) : styleText(node.textContent, patterns);
  }
  // An iframe's or shadow root's document starts a new scope, as for rrweb's own text masking (closest()).
  for (const child of node.childNodes ?? [])
    walk(child, child.type === 0 || child.type === 11 ? no : masked, mask, options);
}

const no = () => false;
const styleText = (css: string, patterns?: TextMasker) => (patterns ? maskLoaded(css, patterns) : css);

export interface EmittedEvent {
  type: number;
  data?: unknown;
}

export interface SanitizeOptions {
  /** The patterns alone (no site rule, no "mask all"), counted; absent when the site opted out of them. */
  patterns?: TextMasker;
  /** For mutations: the inline run around a recorded text node, as on the page now. */
  around?: (id: number) => RunNodes | undefined;
  /** For mutations: whether the text under a key grew at its end since it was last recorded (runs.ts, makeGrowth). */
  growing?: (key: unknown, text: string) => boolean;
}

export function sanitizeEvent(
  event: EmittedEvent,
  isMaskedNode: (id: number) => boolean,
  mask: TextMasker = asIs,
  isStyleText: (id: number) => boolean = no,
  options: SanitizeOptions = {},
): void {
  if (event.type === EVENT_FULL_SNAPSHOT) {
    edge = { raw: "" };
    walk((event.data as { node: SerializedNode }).node, no, mask, options);
    edge = undefined;
    return;
  }
  if (event.type !== EVENT_INCREMENTAL) return;
  const data = event.data as {
    source: number;
    adds?: { parentId: number; node: SerializedNode }[];
    attributes?: { id: number; attributes: Attributes }[];
    texts?: { id: number; value: string | null }[];
  };
  if (data.source !== SOURCE_MUTATION) return;
  const { patterns, growing } = options;
  // Text still being written (a text node's value, or the one text of its parent, extended): its end is masked too.
  const tail = (key: number, text: string) => (patterns && growing?.(key, text) ? maskTail : asIs);
  if (patterns && options.around) maskRunsOf(data, patterns, options.around, growing);
  // Iframe documents and shadow roots arrive as mutation adds too: their full tree is in `node`.
  for (const add of data.adds ?? [])
    if (add.node.type === ELEMENT_NODE || add.node.type === TEXT_NODE || add.node.childNodes) {
      const end = add.node.type === TEXT_NODE ? tail(add.parentId, add.node.textContent ?? "") : asIs;
      walk(add.node, () => isMaskedNode(add.parentId), mask, options);
      if (add.node.textContent) add.node.textContent = end(add.node.textContent);
    }
  for (const change of data.attributes ?? [])
    cleanAttributes(change.attributes, () => isMaskedNode(change.id), mask, undefined, options.patterns);
  // CSS text (a <style>'s content) is not page text: base64 fonts and images in it must stay intact; addresses go.
  for (const text of data.texts ?? [])
    if (text.value)
      text.value = isStyleText(text.id) ? styleText(text.value, patterns) : tail(text.id, text.value)(mask(text.value));
}

/** For nodes already on the page: whether they sit inside a masked element (same rule as rrweb's text masking). */
export function makeMaskedLookup(getNode: (id: number) => Node | null, selector: string): (id: number) => boolean {
  return (id) => {
    const node = getNode(id);
    const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!element?.closest(selector);
  };
}
