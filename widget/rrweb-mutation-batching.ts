/**
 * Build-time patch of @rrweb/record: DOM mutations are processed in batches instead of at every MutationObserver
 * callback. rrweb serializes each callback's changes at once; on a live dashboard that re-renders every 100 ms most of
 * that work describes states the next callback overwrites. Queued, a cell rewritten five times is serialized once, and
 * nodes added and removed within the batch are never serialized at all (rrweb's own add/remove bookkeeping drops them).
 *
 * The queue holds the MutationRecords as delivered (cheap) and runs rrweb's unchanged processing on them at the flush,
 * in order, as if one long task had made all those changes. Flushes happen:
 * - when the batch is `record.mutationBatch(ms)` old (the recorder picks the delay: short around user interactions,
 *   longer while the page churns on its own);
 * - before every full snapshot, so each checkout segment holds its own changes and starts clean;
 * - on `record.flushMutations()`: the recorder calls it before the events are read and before it stops;
 * - when a batch reaches 5,000 records, which bounds the memory held by records of removed subtrees.
 * Mutation events are stamped at the flush: a change shows in replay at most one batch delay late.
 * As for the trims, each patch is located by a marker; a missing marker skips it with a warning and rrweb keeps its
 * per-callback processing (and `record.flushMutations` / `record.mutationBatch` stay no-ops).
 */
export interface Patch {
  name: string;
  /** Replaced by `replacement`; must occur exactly once. */
  find: string;
  replacement: string;
}

const QUEUE = `let mutationQueue = new Map(), mutationQueued = 0, mutationTimer = 0, mutationBatchMs = 0;
function flushMutations() {
  clearTimeout(mutationTimer);
  const queue = mutationQueue;
  mutationQueue = new Map();
  mutationQueued = 0;
  queue.forEach((records, buffer) => buffer.processNow(records));
}
function queueMutations(buffer, records) {
  if (!mutationBatchMs) return buffer.processNow(records);
  if (!mutationQueue.size) mutationTimer = setTimeout(flushMutations, mutationBatchMs);
  mutationQueue.set(buffer, (mutationQueue.get(buffer) || []).concat(records));
  if ((mutationQueued += records.length) > 5000) flushMutations();
}
// A batch's records, compacted: childList records become one removal and one addition list per parent (a node added
// and removed again within the batch is in neither), removals before additions as the DOM made them. Attribute and
// text records are kept once per node and attribute: the first holds the value from before the batch, and rrweb reads
// the current value either way (so a style is diffed once, not at every change).
function compactRecords(records, mirror) {
  const lists = new Map(), seen = new Map(), others = [], removals = [], additions = [];
  const childList = (target, addedNodes, removedNodes) => ({ type: "childList", target, addedNodes, removedNodes });
  // Index loops and locals: MutationRecord's fields are DOM getters, and this runs for every record.
  for (let r = 0; r < records.length; r++) {
    const m = records[r], target = m.target;
    if (m.type === "childList") {
      let list = lists.get(target);
      if (!list) lists.set(target, (list = [[], []]));
      const [removed, added] = list, gone = m.removedNodes, fresh = m.addedNodes;
      for (let i = 0; i < gone.length; i++) {
        const at = added.indexOf(gone[i]);
        if (at >= 0) added.splice(at, 1);
        else if (!removed.includes(gone[i])) removed.push(gone[i]);
      }
      for (let i = 0; i < fresh.length; i++) if (!added.includes(fresh[i])) added.push(fresh[i]);
    } else {
      const name = m.attributeName;
      let names = seen.get(target);
      if (!names) seen.set(target, (names = []));
      if (!names.includes(name)) names.push(name), others.push(m);
    }
  }
  for (const [target, [removed, added]] of lists) {
    // An element whose only text was replaced (textContent = ...): a text change of the node replay already has, not a
    // removal and a serialized addition. The new text node takes the old one's id; the old one is forgotten.
    const gone = removed[0], text = added[0];
    if (removed.length !== 1 || added.length !== 1 || gone.nodeType !== 3 || text.nodeType !== 3 || gone.parentNode ||
      target.firstChild !== text || text.nextSibling || RAW_TEXT[target.nodeName] || !mirror.hasNode(gone) || mirror.hasNode(text)) {
      // Lists left empty are not handed on: rrweb would still check the parent for blocking.
      if (removed.length) removals.push(childList(target, [], removed));
      if (added.length) additions.push(childList(target, added, []));
      continue;
    }
    mirror.replace(mirror.getId(gone), text);
    mirror.nodeMetaMap.delete(gone);
    others.push({ type: "characterData", target: text, oldValue: gone.data });
  }
  return others.concat(removals, additions);
}
const RAW_TEXT = { STYLE: 1, SCRIPT: 1, TEXTAREA: 1 };
class MutationBuffer {`;

export const MUTATION_BATCHING: Patch[] = [
  { name: "mutation queue", find: "class MutationBuffer {", replacement: QUEUE },
  {
    // One emit per buffer and flush, over the compacted records.
    name: "queued processing",
    find: `    __publicField(this, "processMutations", (mutations) => {
      mutations.forEach(this.processMutation);
      this.emit();
    });`,
    replacement: `    __publicField(this, "processMutations", (mutations) => queueMutations(this, mutations));
    __publicField(this, "processNow", (mutations) => {
      compactRecords(mutations, this.mirror).forEach(this.processMutation);
      this.emit();
    });`,
  },
  {
    name: "flush before snapshots",
    find: `  takeFullSnapshot = (isCheckout = false) => {
    if (!recordDOM) {`,
    replacement: `  takeFullSnapshot = (isCheckout = false) => {
    flushMutations();
    if (!recordDOM) {`,
  },
  {
    name: "batch controls",
    find: "record.freezePage = () => {",
    replacement: `record.flushMutations = flushMutations;
record.mutationBatch = (ms) => {
  mutationBatchMs = ms;
};
record.freezePage = () => {`,
  },
];

/** Applies every patch whose marker is found exactly once; reports the others (rrweb changed) and leaves them out. */
export function applyPatches(code: string, patches: Patch[], warn: (message: string) => void): string {
  const missing = patches.filter((p) => code.indexOf(p.find) < 0 || code.indexOf(p.find) !== code.lastIndexOf(p.find));
  // The patches only work together: one missing and the others would call into nothing.
  if (missing.length) {
    warn(
      `rrweb patch skipped: marker of ${missing.map((p) => `"${p.name}"`).join(", ")} not found once (rrweb changed?)`,
    );
    return code;
  }
  return patches.reduce((out, p) => out.replace(p.find, () => p.replacement), code);
}
