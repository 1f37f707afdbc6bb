/**
 * An address split over blocks or a line break, also one that arrives after load through DOM mutations
 * (<div>jane.doe</div><div>@example.com</div> added, or "@example.com" written after "jane<br>"), and one in a full
 * snapshot: each text with an @ at an edge is joined with the page's text on that side, and both are masked where
 * they were recorded (the half that came first was no address then). Such a text stays watched: a local part written
 * before it later (or rewritten there), a domain after "ops@", is masked in the mutation that records it. Loaded on
 * the first such text only (few pages have one), so the recording's chunk stays small; until then the events sit in
 * memory, not sent (Recorder.getEvents gives none until then), and a text the page has removed meanwhile is
 * joined with its neighbour as the events recorded them. The same for the other rare finds that need the events already
 * recorded: text or attributes with invisible characters or full-width digits (unhide), a URL's secret parameter in
 * text (maskParams), and the pieces of a run recorded before the rest made them personal data (runs.ts).
 */
import { isSecretParam } from "../capture/scrub.js";
import type { TextMasker } from "./attributes.js";
import type { EmittedEvent } from "./sanitize.js";

interface SerializedText {
  type?: number;
  id?: number;
  textContent?: string;
  isStyle?: boolean;
  childNodes?: SerializedText[];
}

interface Added {
  parentId: number;
  nextId?: number | null;
  node: SerializedText;
}

interface MutationData {
  node?: SerializedText;
  adds?: Added[];
  texts?: { id: number; value: string | null }[];
}

// A mutation's added nodes (a CSS rule inserted through the CSSOM is an "add" too, of a rule: none of them).
const addsOf = (data: unknown) => ((data as MutationData | undefined)?.adds ?? []).filter((add) => add.node);

type Mirror = { getNode(id: number): Node | null; getId(n: Node): number };
type Beside = (id: number, after: boolean) => [number, string] | undefined;

/**
 * On the page recorded by `mirror` (rrweb's): the recorded text with more than whitespace before (or after) a text
 * node in the page's order, a few nodes away at most, and what it says; none inside `skip` (masked whole) or a
 * <style>/<script>.
 */
export const besideOnPage =
  (mirror: Mirror, skip: string): Beside =>
  (id, after) => {
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
export const rewriteText = (events: EmittedEvent[], id: number, from: string, to: string) =>
  rewriteTexts(events, new Map([[id, [from, to]]]));

/** rewriteText for several nodes at once (one pass over the events): id to [from, to]. */
export function rewriteTexts(events: EmittedEvent[], changes: Map<number, [string, string]>): void {
  const to = (id: number | undefined, value: string | null | undefined) => {
    const change = changes.get(id as number);
    return change && value === change[0] ? change[1] : value;
  };
  const visit = (n: SerializedText) => {
    if (n.type === 3) n.textContent = to(n.id, n.textContent) as string;
    n.childNodes?.forEach(visit);
  };
  for (const { data } of events) {
    const d = data as MutationData;
    if (d?.node) visit(d.node);
    for (const add of addsOf(d)) visit(add.node);
    for (const text of d?.texts ?? []) text.value = to(text.id, text.value) as string | null;
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

const EDGE_BEFORE = /^\s*[@＠]/;
const EDGE_AFTER = /[@＠]\s*$/;

/**
 * Joins each [id, text as the page wrote it] with the text beside it on the page, and masks both in `events`
 * (`patterns` alone for the join, then `mask`, the site's rules, as every text). `only`: for a text watched since it
 * was recorded, the join is made only when the text beside it is one of these (just recorded).
 */
export function joinAtEdges(
  found: [number, string][],
  beside: Beside,
  events: EmittedEvent[],
  patterns: TextMasker,
  mask: TextMasker,
  only?: Set<number>,
): void {
  for (const [id, raw] of found)
    for (const after of [false, true]) {
      const other = (after ? EDGE_AFTER : EDGE_BEFORE).test(raw) && beside(id, after);
      const out =
        other &&
        (!only || only.has(other[0])) &&
        (after ? maskAtEdge(raw, other[1], patterns) : maskAtEdge(other[1], raw, patterns));
      if (other && out) {
        rewriteText(events, id, mask(raw), mask(out[after ? 0 : 1]));
        rewriteText(events, other[0], mask(other[1]), mask(out[after ? 1 : 0]));
      }
    }
}

/**
 * The recorded texts of `events` in the page's order, one list per subtree: a full snapshot's tree, and in a mutation
 * the nodes added under each parent (rrweb lists each added node on its own, with its parent and next sibling).
 */
function recordedRuns(events: EmittedEvent[]): SerializedText[][] {
  const runs: SerializedText[][] = [];
  for (const { data } of events) {
    const d = data as MutationData;
    const added = new Map<number, Added[]>();
    for (const add of addsOf(d)) added.set(add.parentId, [...(added.get(add.parentId) ?? []), add]);
    const ids = new Set(addsOf(d).map((add) => add.node.id));
    const run: SerializedText[] = [];
    const visit = (n: SerializedText) => {
      if (n.type === 3 && !n.isStyle) run.push(n);
      n.childNodes?.forEach(visit);
      // Siblings in order: each added node names its next sibling (the last: an existing one, or none).
      const kids = (n.id !== undefined && added.get(n.id)) || [];
      const before = new Map(kids.map((k) => [k.nextId, k]));
      const kidIds = new Set(kids.map((k) => k.node.id));
      for (const last of kids.filter((k) => !kidIds.has(k.nextId ?? undefined))) {
        const chain: Added[] = [];
        for (let k: Added | undefined = last; k && chain.length < kids.length; k = before.get(k.node.id))
          chain.unshift(k);
        for (const k of chain) visit(k.node);
      }
    };
    if (d?.node) visit(d.node);
    for (const parent of added.keys())
      if (!ids.has(parent)) {
        visit({ id: parent });
        runs.push(run.splice(0));
      }
    runs.push(run);
  }
  return runs;
}

/** For a text no longer on the page: the recorded text beside it, as the event that recorded it has it. */
function besideRecorded(events: EmittedEvent[]): Beside {
  const runs = recordedRuns(events);
  return (id, after) => {
    for (const run of runs) {
      const at = run.findIndex((n) => n.id === id);
      for (let i = at + (after ? 1 : -1), n = 0; at >= 0 && run[i] && n < 8; i += after ? 1 : -1, n++)
        if (/\S/.test(run[i].textContent ?? "")) return [run[i].id as number, run[i].textContent as string];
    }
  };
}

const asIs: TextMasker = (text) => text;
const HIDDEN = /[\xad\u200b-\u200d\u2060\ufeff]/;

/**
 * Text with invisible characters in it (a soft hyphen, a zero-width space: jane&shy;doe@exam&shy;ple.com) or
 * full-width digits (４２４２ ４２４２ …): masked as the page shows it, without them, and only what the patterns
 * changed is changed (the invisible characters stay where they were).
 */
export function unhide(text: string, patterns: TextMasker): string {
  if (!/[\xad\u200b-\u200d\u2060\ufeff０-９]/.test(text)) return text;
  const bare = text
    .replace(new RegExp(HIDDEN, "g"), "")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const out = patterns(bare);
  if (out === bare) return text;
  // A masked character outside the Basic Plane (𝒶) became one dot: nothing lines up, the masked text goes as it is.
  if (out.length !== bare.length) return out;
  let j = 0;
  return text.replace(/[\s\S]/g, (c) => (HIDDEN.test(c) ? c : out[j] === bare[j++] ? c : out[j - 1]));
}

// A URL's parameter written in the page's text (a reset or invite link shown to copy, an API call in a log).
const PARAM = /([?&#;]([\w.%-]+)=)([^&#\s"'<>]+)/g;

/** The values of secret parameters (?token=, #access_token=, &api_key=) in text, as in captured URLs: dots. */
export const maskParams = (text: string) =>
  text.replace(PARAM, (m, before: string, name: string, value: string) =>
    isSecretParam(name) ? before + "•".repeat(value.length) : m,
  );

// What replay loads or draws (a background's base64, a path's numbers): not read as text.
const LOADED = /^(?:srcset|style|_cssText|d|points)$/;

/**
 * An attribute the page wrote with invisible characters or full-width digits (`raw`), as recorded (`attributes`, in
 * the event; cleaned since): what the patterns find in it as the page shows it is masked too.
 */
export function unhideAttribute(attributes: Attributes, name: string, raw: string, patterns: TextMasker): void {
  const now = attributes[name];
  const shown = unhide(raw, patterns);
  if (typeof now !== "string" || shown === raw || LOADED.test(name)) return;
  // Cleaned to another length (a secret URL parameter out): every letter and digit goes.
  attributes[name] =
    now.length === shown.length
      ? now.replace(/[\s\S]/g, (c, i) => (shown[i] === "•" ? "•" : c))
      : now.replace(/[\p{L}\p{N}]/gu, "•");
}

type Attributes = Record<string, unknown>;
/** What the recorder tells this chunk: [text's id, raw], [earlier piece's id, from, to], [attributes, name, raw]. */
export type Found = [number | Attributes, string, string?];

/**
 * What the recorder calls with each event once this chunk is loaded (and once, without one, when it arrives): joins
 * the texts found since (`found`, emptied; one the page has removed meanwhile as the events recorded it), and
 * watches them: what is written beside one later is joined in the mutation that records it.
 */
export function join(
  found: Found[],
  mirror: Mirror,
  skip: string,
  events: () => EmittedEvent[],
  patterns: TextMasker,
  mask: TextMasker,
): (event?: EmittedEvent) => void {
  const onPage = besideOnPage(mirror, skip);
  const watched = new Map<number, string>();
  return (event) => {
    const d = event?.data as (MutationData & { source?: number }) | undefined;
    if (watched.size && d?.source === 0 && (d.adds?.length || d.texts?.length)) {
      // The texts this mutation recorded: a watched text's neighbour among them was no address's part before.
      const recorded = new Set<number>();
      for (const add of d.adds ?? []) if (add.node.type === 3) recorded.add(add.node.id as number);
      for (const text of d.texts ?? []) recorded.add(text.id);
      const hits: [number, string][] = [];
      for (const [id, raw] of watched)
        if (mirror.getNode(id)?.nodeValue !== raw) watched.delete(id);
        else if (!recorded.has(id) && [false, true].some((after) => recorded.has(onPage(id, after)?.[0] as number)))
          hits.push([id, raw]);
      if (hits.length) joinAtEdges(hits, onPage, events(), patterns, mask, recorded);
    }
    if (!found.length) return;
    const all = events();
    let recorded: Beside | undefined;
    const earlier = new Map<number, [string, string]>();
    for (const [id, raw, to] of found.splice(0)) {
      if (typeof id === "object") {
        unhideAttribute(id, raw, to as string, patterns);
        continue;
      }
      // A piece of a run recorded before the rest of it (<b>jane</b>, then @example.com): masked where it was.
      if (to !== undefined) {
        earlier.set(id, [mask(raw), mask(to)]);
        continue;
      }
      const shown = maskParams(unhide(raw, patterns));
      if (shown !== raw) rewriteText(all, id, mask(raw), mask(shown));
      // Removed before this chunk arrived (a toast, a list rendered again): joined as the events recorded it.
      if (!mirror.getNode(id)) {
        recorded ??= besideRecorded(all);
        joinAtEdges([[id, mask(shown)]], recorded, all, patterns, asIs);
      } else {
        joinAtEdges([[id, shown]], onPage, all, patterns, mask);
        watched.set(id, raw);
        if (watched.size > 100) watched.delete(watched.keys().next().value as number);
      }
    }
    if (earlier.size) rewriteTexts(all, earlier);
  };
}
