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
 * - personal data by pattern (capture/patterns.ts) in text nodes and readable attributes, via `maskText`.
 * Pure over serialized rrweb nodes; `isMaskedNode(id)` answers for nodes already on the page (mutations).
 */
import { REDACTED, scrubUrl } from "../capture/scrub.js";

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
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "data", "cite", "xlink:href"];
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

/** Only URLs that could carry a secret go through the (costlier) URL parser; others are kept byte for byte. */
function scrubAttributeUrl(value: string): string {
  if (!/^https?:/i.test(value) || !/[?#]/.test(value)) return value;
  const scrubbed = scrubUrl(value);
  return scrubbed.includes(REDACTED) ? scrubbed : value;
}

/** Cleans one element's attributes (snapshot) or attribute changes (mutation) in place. */
function cleanAttributes(attributes: Attributes, masked: () => boolean, mask: TextMasker, tagName?: string): void {
  delete attributes.srcdoc;
  for (const name in attributes) {
    if (name.charCodeAt(0) === 111 && /^on/i.test(name)) delete attributes[name];
    // data-* values are not shown but are recorded: apps keep the user's email or ids there for their scripts.
    else if (name.startsWith("data-") && typeof attributes[name] === "string")
      attributes[name] = mask(attributes[name]);
  }
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value !== "string") continue;
    // Links are never followed in replay: masked by pattern like text (mailto:jane@…, /customers/jane@…/, ?card=…).
    // What replay loads (img src, a stylesheet's href) keeps its bytes, only secret parameters go.
    attributes[name] = isScriptUrl(value)
      ? "#"
      : LINK_ATTRIBUTES.has(name) && tagName !== "link"
        ? mask(scrubAttributeUrl(value))
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

function walk(node: SerializedNode, maskedAbove: () => boolean, mask: TextMasker): void {
  let masked = maskedAbove;
  if (node.type === ELEMENT_NODE && node.attributes) {
    if (MASK_ATTRIBUTE in node.attributes) masked = () => true;
    cleanAttributes(node.attributes, masked, mask, node.tagName);
  } else if (node.type === TEXT_NODE && node.textContent && !node.isStyle) node.textContent = mask(node.textContent);
  // An iframe's or shadow root's document starts a new scope, as for rrweb's own text masking (closest()).
  for (const child of node.childNodes ?? []) walk(child, child.type === 0 || child.type === 11 ? no : masked, mask);
}

const no = () => false;

export interface EmittedEvent {
  type: number;
  data?: unknown;
}

export function sanitizeEvent(
  event: EmittedEvent,
  isMaskedNode: (id: number) => boolean,
  mask: TextMasker = asIs,
  isStyleText: (id: number) => boolean = no,
): void {
  if (event.type === EVENT_FULL_SNAPSHOT) {
    walk((event.data as { node: SerializedNode }).node, no, mask);
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
  // Iframe documents and shadow roots arrive as mutation adds too: their full tree is in `node`.
  for (const add of data.adds ?? [])
    if (add.node.type === ELEMENT_NODE || add.node.type === TEXT_NODE || add.node.childNodes)
      walk(add.node, () => isMaskedNode(add.parentId), mask);
  for (const change of data.attributes ?? []) cleanAttributes(change.attributes, () => isMaskedNode(change.id), mask);
  // CSS text (a <style>'s content) is not page text: base64 fonts and images in it must stay intact.
  for (const text of data.texts ?? []) if (text.value && !isStyleText(text.id)) text.value = mask(text.value);
}

/** For nodes already on the page: whether they sit inside a masked element (same rule as rrweb's text masking). */
export function makeMaskedLookup(getNode: (id: number) => Node | null, selector: string): (id: number) => boolean {
  return (id) => {
    const node = getNode(id);
    const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!element?.closest(selector);
  };
}
