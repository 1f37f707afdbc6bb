/**
 * Personal data split across text nodes: a name highlighted by a search (<mark>jane</mark>@example.com), a card
 * printed one group per span. The patterns see one text node at a time, so the inline text of a block (its text
 * nodes and inline elements) is also masked as one text, and each piece gets its own part of the result. A long run
 * (a paragraph of prose, a row of cells in one block) is not masked whole: only a window around each boundary between
 * two pieces, so the cost stays in proportion to the text. Pure; works on serialized nodes (snapshots) and on the
 * page's own nodes (mutations).
 */
import { DOT, maskTail } from "../capture/patterns.js";

// Custom elements too (<x-digit>4242</x-digit>, a design system's <ui-text>): looked into, as inline ones are.
export const INLINE =
  /^(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|label|mark|q|s|samp|small|span|strong|sub|sup|time|tt|u|var|wbr|.+-.*)$/i;
const inlineTags = new Map<string, boolean>();
/** INLINE.test, remembered per tag name (asked for every element of a snapshot and every changed text's parents). */
export function isInline(tag: string | undefined): boolean {
  if (!tag) return false;
  let inline = inlineTags.get(tag);
  if (inline === undefined) {
    inline = INLINE.test(tag);
    if (inlineTags.size > 500) inlineTags.clear(); // custom elements' names are the page's: not kept without end
    inlineTags.set(tag, inline);
  }
  return inline;
}
// Runs up to this size are masked whole.
const RUN_TEXT = 256;
const RUN_NODES = 32;
// Longer ones around each boundary, this many characters each side (more than an address, a card or an IBAN needs),
// widened to a space where one is near so no word is cut. A mutation reads its whole block: past RUN_MAX characters or
// RUN_MAX / 8 pieces it is not collected at all (each text is still masked alone). A snapshot reads every block
// once anyway: no limit there.
const WINDOW = 100;
const WIDEN = 64;
const RUN_MAX = 8192; // and RUN_MAX / 8 pieces

/** What a node is to a run: text, an inline element to look into, a line break or a block, nothing (a comment). */
export type Kind = 0 | 1 | 2 | 3;
export const TEXT = 0;
export const INTO = 1;
export const BREAK = 2;
export const SKIP = 3;

/** A run's text nodes, in order: the element they are in (one check per event), their ids (0: a line break), texts. */
export interface RunNodes {
  key: unknown;
  ids: number[];
  texts: string[];
}

export interface Collected<N> {
  nodes: (N | undefined)[];
  texts: string[];
  size: number;
}

/**
 * Collects the inline text under `node`; false when it is longer than `limit` characters. A block inside (an icon's
 * <img> or <svg>, a <div>) is not looked into and separates like a line break: the text on either side stays in the run.
 */
export function collectRun<N>(
  node: N,
  childrenOf: (n: N) => ArrayLike<N> | undefined,
  kindOf: (n: N) => Kind,
  textOf: (n: N) => string,
  into: Collected<N>,
  limit = Number.POSITIVE_INFINITY,
): boolean {
  const children = childrenOf(node) ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const kind = kindOf(child);
    if (kind === INTO) {
      if (!collectRun(child, childrenOf, kindOf, textOf, into, limit)) return false;
    } else if (kind !== SKIP) {
      // A line break or a block keeps its place (no address is joined across it) but is no text node.
      const text = kind === TEXT ? textOf(child) : "\n";
      into.nodes.push(kind === TEXT ? child : undefined);
      into.texts.push(text);
      into.size += text.length;
      if (into.size > limit || into.nodes.length > limit / 8) return false;
    }
  }
  return true;
}

// One piece with text (the others whitespace between tags): the per-text masking finds all there is.
const twoPieces = (texts: string[]) => texts.filter((t) => /\S/.test(t)).length > 1;

/** Every letter and digit a dot, by code unit (𝒶 becomes two: the text keeps its length). */
const dotted = (text: string) => text.replace(/[\p{L}\p{N}]/gu, (c) => DOT.repeat(c.length));

/**
 * What the pieces become once their joined text is masked; undefined when it masks nothing. In a long run only the
 * boundaries next to a `changed` piece are looked at (a mutation: the others were when they were recorded).
 */
export function maskAcross(
  texts: string[],
  mask: (text: string) => string,
  changed?: (piece: number) => boolean,
): string[] | undefined {
  if (!twoPieces(texts)) return;
  const joined = texts.join("");
  const short = joined.length <= RUN_TEXT && texts.length <= RUN_NODES;
  const out = short ? mask(joined) : maskBoundaries(texts, joined, mask, changed);
  if (out === joined) return;
  // A masked character outside the Basic Plane (𝒶) became one dot: the pieces no longer line up, so all go.
  if (out.length !== joined.length) return texts.map(dotted);
  let at = 0;
  return texts.map((t) => {
    at += t.length;
    return out.slice(at - t.length, at);
  });
}

/** The joined text with a window around each boundary masked (overlapping windows as one), the rest as it was. */
function maskBoundaries(
  texts: string[],
  joined: string,
  mask: (text: string) => string,
  changed?: (piece: number) => boolean,
): string {
  let out = "";
  let done = 0; // joined[0, done) is in out
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from < 0 || to <= from) return; // this boundary's window was inside the last one, widened
    let s = from;
    let e = to;
    for (const limit = Math.max(done, s - WIDEN); s > limit && /\S/.test(joined[s - 1]); ) s--;
    for (const limit = Math.min(joined.length, e + WIDEN); e < limit && /\S/.test(joined[e]); ) e++;
    const window = joined.slice(s, e);
    let masked = mask(window);
    // Lined up again by code unit if a character outside the Basic Plane became one dot (see maskAcross).
    if (masked.length !== window.length) masked = dotted(window);
    out += joined.slice(done, s) + masked;
    done = e;
  };
  let at = 0;
  for (let i = 1; i < texts.length; i++) {
    at += texts[i - 1].length;
    if (changed && !changed(i - 1) && !changed(i)) continue;
    const s = Math.max(done, at - WINDOW);
    const e = Math.min(joined.length, at + WINDOW);
    if (from >= 0 && s <= to) to = Math.max(to, e);
    else {
      flush();
      from = Math.max(done, s);
      to = e;
    }
  }
  flush();
  return out + joined.slice(done);
}

const domKind = (n: Node): Kind =>
  n.nodeType === 3 ? TEXT : n.nodeType !== 1 ? SKIP : isInline((n as Element).localName) ? INTO : BREAK;

/**
 * For a mutation: the run a recorded text node belongs to (from its nearest block, or the shadow root its inline
 * elements are in), read from the page.
 */
export function runOnPage(text: Node | null, idOf: (n: Node) => number, skip: string): RunNodes | undefined {
  let el = text?.parentNode as Element | null | undefined;
  while (el && isInline(el.localName)) el = el.parentNode as Element | null;
  // Most changed texts (a live cell, a counter) are the only child of their block: no run, nothing to collect.
  if (!el || (el.firstChild === text && el.lastChild === text)) return;
  const run: Collected<Node> = { nodes: [], texts: [], size: 0 };
  const inline = collectRun<Node>(
    el,
    (n) => n.childNodes,
    domKind,
    (n) => n.nodeValue ?? "",
    run,
    RUN_MAX,
  );
  // The selector last: it is the dearest check.
  if (!inline || !twoPieces(run.texts) || el.closest?.(skip)) return;
  return { key: el, ids: run.nodes.map((n) => (n ? idOf(n) : 0)), texts: run.texts };
}

/**
 * Text still being written (a chat answer streamed in, token by token): whether the text under `key` (a text node's
 * id, its parent's, a block) extends what was recorded there last. Holds the last text of a few hundred keys: what
 * the page shows anyway.
 */
export function makeGrowth(): (key: unknown, text: string) => boolean {
  const last = new Map<unknown, string>();
  return (key, text) => {
    const before = last.get(key);
    if (last.size > 500) last.clear();
    last.set(key, text);
    return !!before && text.length > before.length && text.startsWith(before);
  };
}

/**
 * A mutation's new or changed text nodes, masked with the rest of their run as it is on the page now; pieces of the
 * run recorded earlier ("jane" before "@example.com" followed it) are sent again, masked, as text changes, and
 * `earlier` is told each (edges.ts masks it where it was recorded).
 */
export function maskRunsOf(
  data: {
    adds?: { node: { type: number; id?: number; textContent?: string } }[];
    texts?: { id: number; value: string | null }[];
  },
  patterns: (text: string) => string,
  around: (id: number) => RunNodes | undefined,
  growing?: (key: unknown, text: string) => boolean,
  earlier?: (id: number, from: string, to: string) => void,
): void {
  const ids = new Set<number>();
  for (const add of data.adds ?? []) if (add.node.type === 3 /* text */ && add.node.id) ids.add(add.node.id);
  for (const text of data.texts ?? []) ids.add(text.id);
  const seen = new Set<unknown>();
  const changed = new Map<number, [string, string]>();
  for (const id of ids) {
    const run = around(id);
    if (!run || seen.has(run.key)) continue;
    seen.add(run.key);
    let out = maskAcross(run.texts, patterns, (i) => ids.has(run.ids[i]));
    // A block growing by a text node per token: the end of the whole run is what is being written.
    if (growing?.(run.key, run.texts.join(""))) {
      const whole = (out ?? run.texts).join("");
      const tail = maskTail(whole);
      let at = 0;
      if (tail !== whole)
        out = run.texts.map((t) => {
          at += t.length;
          return tail.slice(at - t.length, at);
        });
    }
    if (out)
      for (const [i, n] of run.ids.entries())
        if (n > 0 && out[i] !== run.texts[i]) changed.set(n, [run.texts[i], out[i]]);
  }
  if (!changed.size) return;
  // What the event carries is left to the per-text masking when the page has changed it since.
  for (const add of data.adds ?? []) {
    const change = add.node.id ? changed.get(add.node.id) : undefined;
    if (change && changed.delete(add.node.id as number) && add.node.textContent === change[0])
      add.node.textContent = change[1];
  }
  for (const text of data.texts ?? []) {
    const change = changed.get(text.id);
    if (change && changed.delete(text.id) && text.value === change[0]) text.value = change[1];
  }
  data.texts ??= [];
  // Not those the run masks as they were masked alone (recorded so already).
  for (const [id, [from, value]] of changed)
    if (value !== patterns(from)) {
      data.texts.push({ id, value });
      earlier?.(id, from, value);
    }
}
