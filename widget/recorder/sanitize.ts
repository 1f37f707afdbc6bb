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
import { maskTail } from "../capture/patterns.js";
import { type Attributes, asIs, cleanAttributes, cssOm, maskLoaded, type TextMasker } from "./attributes.js";
import { maskCss } from "./css.js";
import {
  BREAK,
  type Collected,
  collectRun,
  INTO,
  isInline,
  type Kind,
  maskAcross,
  maskRunsOf,
  type RunNodes,
  SKIP,
  TEXT,
} from "./runs.js";

export type { RunNodes, TextMasker };

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
const serializedKind = (n: SerializedNode): Kind =>
  n.type === TEXT_NODE
    ? TEXT
    : n.type === 5 // a comment
      ? SKIP
      : n.type === ELEMENT_NODE && isInline(n.tagName)
        ? INTO
        : BREAK;

const childrenOf = (n: SerializedNode) => n.childNodes;
const textOf = (n: SerializedNode) => n.textContent ?? "";

/** A block's inline run, masked across its text nodes (before each is masked on its own). */
function maskRun(node: SerializedNode, patterns: TextMasker): void {
  const kids = node.childNodes;
  if (!kids) return;
  // Most blocks of a large page hold one text or nothing (a table's cells), or only blocks (its rows): no run to
  // look at. A run needs two texts, or an inline element.
  let texts = 0;
  for (let i = 0; ; i++) {
    if (i === kids.length) return;
    const kid = kids[i];
    if (kid.type === ELEMENT_NODE ? isInline(kid.tagName) : kid.type === TEXT_NODE && ++texts > 1) break;
  }
  const run: Collected<SerializedNode> = { nodes: [], texts: [], size: 0 };
  collectRun(node, childrenOf, serializedKind, textOf, run); // no limit: a snapshot reads every block anyway
  const out = maskAcross(run.texts, patterns);
  if (out) for (const [i, n] of run.nodes.entries()) if (n) n.textContent = out[i];
}

// Told each text with an @ at an edge, as the page wrote it (SanitizeOptions.atEdge), in snapshots and mutations; each
// with an invisible character or a full-width digit in it, which may hide an address or a card (edges.ts, unhide); and
// each with a URL parameter (?token=…: edges.ts, maskParams).
let atEdge: SanitizeOptions["atEdge"];
const AT_EDGE = /^\s*[@＠]|[@＠]\s*$|[\xad\u200b-\u200d\u2060\ufeff０-９]|[?&#;][\w.%-]+=/;

function walk(node: SerializedNode, maskedAbove: () => boolean, mask: TextMasker, options: SanitizeOptions): void {
  let masked = maskedAbove;
  const { patterns } = options;
  if (node.type === ELEMENT_NODE && node.attributes) {
    if (MASK_ATTRIBUTE in node.attributes) masked = () => true;
    cleanAttributes(node.attributes, masked, mask, node.tagName, patterns, atEdge);
    if (patterns && !isInline(node.tagName)) maskRun(node, patterns);
  } else if (node.type === TEXT_NODE && node.textContent) {
    if (atEdge && !node.isStyle && AT_EDGE.test(node.textContent)) atEdge(node.id as number, node.textContent);
    node.textContent = !node.isStyle ? mask(node.textContent) : styleText(node.textContent, patterns);
  }
  // An iframe's or shadow root's document starts a new scope, as for rrweb's own text masking (closest()).
  for (const child of node.childNodes ?? [])
    walk(child, child.type === 0 || child.type === 11 ? no : masked, mask, options);
}

const no = () => false;

const styleText = (css: string, patterns?: TextMasker) =>
  patterns ? maskCss(maskLoaded(css, patterns), patterns) : css;

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
  /** For mutations: told each text with an @ at an edge (an address split over blocks may end or start there), as the
   * page wrote it, with its node's id (edges.ts joins it with the page's text next to it); a piece of a run recorded
   * earlier, with what it is now (`to`); an attribute with invisible characters: its element's attributes, its name
   * and the value as the page wrote it. */
  atEdge?: (id: number | Attributes, raw: string, to?: string) => void;
}

export function sanitizeEvent(
  event: EmittedEvent,
  isMaskedNode: (id: number) => boolean,
  mask: TextMasker = asIs,
  isStyleText: (id: number) => boolean = no,
  options: SanitizeOptions = {},
): void {
  // Only walk() reads it, only below: it need not be reset.
  atEdge = options.patterns && options.atEdge;
  if (event.type === EVENT_FULL_SNAPSHOT) {
    walk((event.data as { node: SerializedNode }).node, no, mask, options);
    return;
  }
  if (event.type !== EVENT_INCREMENTAL) return;
  const data = event.data as {
    source: number;
    adds?: { parentId: number; node: SerializedNode }[];
    attributes?: { id: number; attributes: Attributes }[];
    texts?: { id: number; value: string | null }[];
  };
  // CSS rules added through the CSSOM (CSS-in-JS, source 8), set on a rule (13), adopted by a document (15): as a
  // <style>'s text. The other sources past 7 carry ids and positions, or are not recorded (canvas, fonts).
  if (data.source > 7) cssOm(data, options.patterns);
  if (data.source !== SOURCE_MUTATION) return;
  const { patterns, growing } = options;
  // Text still being written (a text node's value, or the one text of its parent, extended): its end is masked too.
  const tail = (key: number, text: string) => (patterns && growing?.(key, text) ? maskTail : asIs);
  if (patterns && options.around) maskRunsOf(data, patterns, options.around, growing, atEdge);
  // Iframe documents and shadow roots arrive as mutation adds too: their full tree is in `node`.
  for (const add of data.adds ?? [])
    if (add.node.type === ELEMENT_NODE || add.node.type === TEXT_NODE || add.node.childNodes) {
      const end = add.node.type === TEXT_NODE ? tail(add.parentId, add.node.textContent ?? "") : asIs;
      walk(add.node, () => isMaskedNode(add.parentId), mask, options);
      if (add.node.textContent) add.node.textContent = end(add.node.textContent);
    }
  for (const change of data.attributes ?? [])
    cleanAttributes(change.attributes, () => isMaskedNode(change.id), mask, undefined, options.patterns, atEdge);
  // CSS text (a <style>'s content) is not page text: base64 fonts and images in it must stay intact; addresses go.
  for (const text of data.texts ?? [])
    if (text.value) {
      if (atEdge && AT_EDGE.test(text.value) && !isStyleText(text.id)) atEdge(text.id, text.value);
      text.value = isStyleText(text.id) ? styleText(text.value, patterns) : tail(text.id, text.value)(mask(text.value));
    }
}

/** For nodes already on the page: whether they sit inside a masked element (same rule as rrweb's text masking). */
export function makeMaskedLookup(getNode: (id: number) => Node | null, selector: string): (id: number) => boolean {
  return (id) => {
    const node = getNode(id);
    return !!(node?.nodeType === 1 ? (node as Element) : node?.parentElement)?.closest(selector);
  };
}
