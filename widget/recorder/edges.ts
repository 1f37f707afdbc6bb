/**
 * An address split over blocks or a line break that arrives after load, through DOM mutations
 * (<div>jane.doe</div><div>@example.com</div> added, or "@example.com" written after "jane<br>"): masked as a full
 * snapshot masks it (sanitize.ts, maskAtEdge), by joining each text with an @ at an edge with the page's text on that
 * side. Both are masked where they were recorded: the half that came first was no address then. Loaded on the first
 * such text only (few pages have one), so the recording's chunk stays small; until then the events sit in memory.
 */
import type { TextMasker } from "./attributes.js";
import type { EmittedEvent } from "./sanitize.js";

interface SerializedText {
  id?: number;
  textContent?: string;
  childNodes?: SerializedText[];
}

/**
 * For a mutation: the recorded text with more than whitespace before (or after) a text node in the page's order, a
 * few nodes away at most, and what it says; none inside `skip` (masked whole) or a <style>/<script>.
 */
export function besideOnPage(
  node: Node | null,
  after: boolean,
  idOf: (n: Node) => number,
  skip: string,
): [number, string] | undefined {
  if (!node) return;
  const walker = (node.ownerDocument ?? document).createTreeWalker(node.getRootNode(), 4 /* text */);
  walker.currentNode = node;
  for (let i = 0; i < 8; i++) {
    const next = after ? walker.nextNode() : walker.previousNode();
    if (!next) return;
    if (/\S/.test(next.nodeValue ?? ""))
      return idOf(next) > 0 && !next.parentElement?.closest(`${skip}, style, script`)
        ? [idOf(next), next.nodeValue as string]
        : undefined;
  }
}

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
 * Joins each [id, text as the page wrote it] with the text beside it on the page, and masks both in `events`.
 * `join` is runs.ts's maskAtEdge with the patterns (passed in, so this chunk shares no module with the recorder's).
 */
export function joinAtEdges(
  found: [number, string][],
  beside: (id: number, after: boolean) => [number, string] | undefined,
  events: EmittedEvent[],
  join: (a: string, b: string) => [string, string] | undefined,
  mask: TextMasker,
): void {
  for (const [id, raw] of found)
    for (const after of [false, true]) {
      const other = (after ? /[@＠]\s*$/ : /^\s*[@＠]/).test(raw) && beside(id, after);
      const out = other && (after ? join(raw, other[1]) : join(other[1], raw));
      if (other && out) {
        rewriteText(events, id, mask(raw), mask(out[after ? 0 : 1]));
        rewriteText(events, other[0], mask(other[1]), mask(out[after ? 1 : 0]));
      }
    }
}
