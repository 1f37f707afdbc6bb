/**
 * An address split over blocks or a line break, also one that arrives after load through DOM mutations
 * (<div>jane.doe</div><div>@example.com</div> added, or "@example.com" written after "jane<br>"), and one in a full
 * snapshot: each text with an @ at an edge is joined with the page's text on that side, and both are masked where
 * they were recorded (the half that came first was no address then). Loaded on the first such text only (few pages
 * have one), so the recording's chunk stays small; until then the events sit in memory, not sent.
 */
import type { TextMasker } from "./attributes.js";
import type { EmittedEvent } from "./sanitize.js";

interface SerializedText {
  id?: number;
  textContent?: string;
  childNodes?: SerializedText[];
}

/**
 * On the page recorded by `mirror` (rrweb's): the recorded text with more than whitespace before (or after) a text
 * node in the page's order, a few nodes away at most, and what it says; none inside `skip` (masked whole) or a
 * <style>/<script>.
 */
export const besideOnPage =
  (mirror: { getNode(id: number): Node | null; getId(n: Node): number }, skip: string) =>
  (id: number, after: boolean): [number, string] | undefined => {
    const node = mirror.getNode(id);
    if (!node) return;
    const walker = (node.ownerDocument ?? document).createTreeWalker(node.getRootNode(), 4 /* text */);
    walker.currentNode = node;
    for (let i = 0; i < 8; i++) {
      const next = after ? walker.nextNode() : walker.previousNode();
      if (!next) return;
      if (/\S/.test(next.nodeValue ?? ""))
        return mirror.getId(next) > 0 && !next.parentElement?.closest(`${skip}, style, script`)
          ? [mirror.getId(next), next.nodeValue as string]
          : undefined;
    }
  };

/** Where recorded events carry `from` as the text of node `id` (a snapshot, an add, a text change): `to`. */
export function rewriteText(events: EmittedEvent[], id: number, from: string, to: string): void {
  const visit = (n: SerializedText) => {
    if (n.id === id && n.textContent === from) n.textContent = to;
    n.childNodes?.forEach(visit);
  };
  for (const { data } of events) {
    const d = data as {
      node?: SerializedText;
      adds?: { node: SerializedText }[];
      texts?: { id: number; value: string | null }[];
    };
    if (d?.node) visit(d.node);
    for (const add of d?.adds ?? []) visit(add.node);
    for (const text of d?.texts ?? []) if (text.id === id && text.value === from) text.value = to;
  }
}

/**
 * Two texts on either side of an edge with an @ at it: masked as one text, without the whitespace at the edge. A
 * space ends the joined text: what it shows is no address still being written (EMAIL_TAIL), so "Follow us" before
 * "@handoff" stays. Before an @ that starts a block, only a text of one word is an address's local part: "Follow us"
 * before "@handoff.io" is a handle after prose. (Self-contained: this chunk shares no module with the recorder's.)
 */
export function maskAtEdge(a: string, b: string, mask: TextMasker): [string, string] | undefined {
  const x = a.trimEnd();
  const y = b.trimStart();
  if (!/[@＠]$/.test(x) && (!/^[@＠]/.test(y) || /\S\s/.test(x))) return;
  const joined = `${x + y} `;
  let out = mask(joined);
  if (out === joined) return;
  // A masked character outside the Basic Plane (𝒶) became one dot: the halves no longer line up, so all of it goes.
  if (out.length !== joined.length) out = joined.replace(/[\p{L}\p{N}]/gu, (c) => "•".repeat(c.length));
  return [out.slice(0, x.length) + a.slice(x.length), b.slice(0, b.length - y.length) + out.slice(x.length, -1)];
}

/**
 * Joins each [id, text as the page wrote it] with the text beside it on the page, and masks both in `events`
 * (`patterns` alone for the join, then `mask`, the site's rules, as every text).
 */
export function joinAtEdges(
  found: [number, string][],
  beside: (id: number, after: boolean) => [number, string] | undefined,
  events: EmittedEvent[],
  patterns: TextMasker,
  mask: TextMasker,
): void {
  for (const [id, raw] of found)
    for (const after of [false, true]) {
      const other = (after ? /[@＠]\s*$/ : /^\s*[@＠]/).test(raw) && beside(id, after);
      const out = other && (after ? maskAtEdge(raw, other[1], patterns) : maskAtEdge(other[1], raw, patterns));
      if (other && out) {
        rewriteText(events, id, mask(raw), mask(out[after ? 0 : 1]));
        rewriteText(events, other[0], mask(other[1]), mask(out[after ? 1 : 0]));
      }
    }
}

/** What the recorder calls, with rrweb's mirror and the selector of what is masked whole (one short name to import). */
export const join = (
  found: [number, string][],
  mirror: Parameters<typeof besideOnPage>[0],
  skip: string,
  events: EmittedEvent[],
  patterns: TextMasker,
  mask: TextMasker,
) => joinAtEdges(found, besideOnPage(mirror, skip), events, patterns, mask);
