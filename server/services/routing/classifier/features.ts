/**
 * Text -> sparse feature vector for the routing models. Words (Snowball-stemmed in the ticket's language), word bigrams and character
 * n-grams inside words carry the text in en/de/fr with typos; the captured context (page, failed requests,
 * console errors) adds a few features of its own. Each group is L2-normalised and weighted, so a long ticket
 * does not drown a short one and character n-grams do not drown words.
 *
 * Features are hashed into a fixed number of buckets (FNV-1a): the models are flat typed arrays indexed by
 * bucket, a word's stem and n-gram buckets are computed once and cached, and classifying never builds a feature
 * string or looks one up in a Map. `featuresOf` gives the same features by name (tests, explanations);
 * `vectorOf` is the hashed form the models read: hashing `featuresOf`'s names gives exactly `vectorOf`.
 */
import { languageOf, pathSegments as segmentsOf, type Token, tokensOf } from "./tokens.js";
import { bucketOf, FEATURE_DIM, fnv, fnvContinue, type SparseVector } from "./hashing.js";

export { languageOf, normalizeText, pathSegments, stem, tokensOf, words } from "./tokens.js";
export { FEATURE_BITS, type SparseVector } from "./hashing.js";

export interface TicketText {
  subject: string;
  description: string;
  /** Page the customer was on, when captured. */
  pageUrl?: string;
  failedRequests?: { method: string; url: string; status: number }[];
  consoleErrors?: string[];
}

/** Named features: feature name -> value. */
export type Features = Map<string, number>;

/**
 * Bigrams at 1 (was 0.5): +0.8 points of queue accuracy on held-out corpus statements (tune-prior.ts). At 1.25
 * (branch routing-13s): the same cross-validation trade-off on the corpus, but on the development set incidents
 * score further above the ordinary tickets that read like them (lowest incident 0.166 against 0.128; 1-5 fewer
 * false alarms at every threshold from 0.11 to 0.14, no incident missed).
 */
export const GROUP_WEIGHT = { w: 1, b: 1.25, c: 0.9, x: 0.3 };

/** Sums values by key: a Map for names; for buckets a dense scratch array (no Map churn per ticket). */
interface Accumulator<K> {
  add(key: K, value: number): void;
  forEach(f: (key: K, value: number) => void): void;
  clear(): void;
}

class MapAccumulator<K> implements Accumulator<K> {
  readonly map = new Map<K, number>();
  add(key: K, value: number) {
    this.map.set(key, (this.map.get(key) ?? 0) + value);
  }
  forEach(f: (key: K, value: number) => void) {
    for (const [k, v] of this.map) f(k, v);
  }
  clear() {
    this.map.clear();
  }
}

class DenseAccumulator implements Accumulator<number> {
  readonly values = new Float64Array(FEATURE_DIM);
  readonly touched: number[] = [];
  add(key: number, value: number) {
    if (this.values[key] === 0) this.touched.push(key);
    this.values[key]! += value;
  }
  forEach(f: (key: number, value: number) => void) {
    for (const key of this.touched) f(key, this.values[key]!);
  }
  clear() {
    for (const key of this.touched) this.values[key] = 0;
    this.touched.length = 0;
  }
}

/** How the two forms name a feature, and where they add them up. */
interface Keyer<K> {
  word(t: Token): K;
  bigram(left: Token, right: Token): K;
  grams(t: Token): readonly K[];
  named(name: string): K;
  /** Four groups and the output; the caller clears them. */
  scratch(): Accumulator<K>[];
}

const byName: Keyer<string> = {
  word: (t) => `w:${t.stem}`,
  bigram: (l, r) => `b:${l.stem}_${r.stem}`,
  grams: (t) => t.gramNames,
  named: (name) => name,
  scratch: () => Array.from({ length: 5 }, () => new MapAccumulator<string>()),
};

// Classifying is synchronous, so one set of scratch arrays serves every call (5 x 2 MB, allocated once).
let denseScratch: DenseAccumulator[] | null = null;
const byBucket: Keyer<number> = {
  word: (t) => t.wordBucket,
  // The left token caches the FNV state after "b:<stem>_": only the right stem's characters are hashed here.
  bigram: (l, r) => bucketOf(fnvContinue(l.bigramState, r.stem)),
  grams: (t) => t.gramBuckets,
  named: (name) => bucketOf(fnv(name)),
  scratch: () => {
    denseScratch ??= Array.from({ length: 5 }, () => new DenseAccumulator());
    return denseScratch;
  },
};

/** log(1 + count), L2-normalised, times the group's weight, added into `out`. */
function mergeGroup<K>(out: Accumulator<K>, group: Accumulator<K>, weight: number) {
  let norm = 0;
  group.forEach((_, v) => {
    norm += Math.log1p(v) ** 2;
  });
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  group.forEach((k, v) => {
    out.add(k, Math.log1p(v) * scale);
  });
}

/** Adds the ticket's features into `out` (the last of `key.scratch()`, cleared first). */
function collect<K>(ticket: TicketText, key: Keyer<K>): Accumulator<K> {
  const [wordGroup, bigramGroup, charGroup, contextGroup, out] = key.scratch() as [
    Accumulator<K>,
    Accumulator<K>,
    Accumulator<K>,
    Accumulator<K>,
    Accumulator<K>,
  ];
  for (const group of [wordGroup, bigramGroup, charGroup, contextGroup, out]) group.clear();
  // The subject is short and to the point: count it twice.
  // One language per ticket: its words are stemmed by that language's Snowball stemmer.
  const lang = languageOf(`${ticket.subject} ${ticket.description}`);
  const subject = tokensOf(ticket.subject, lang);
  for (const part of [subject, subject, tokensOf(ticket.description, lang)]) {
    let previous: Token | null = null;
    for (const t of part) {
      if (t.isWord) wordGroup.add(key.word(t), 1);
      if (previous !== null) bigramGroup.add(key.bigram(previous, t), 1);
      previous = t;
      for (const gram of key.grams(t)) charGroup.add(gram, 1);
    }
  }
  const named = (name: string) => contextGroup.add(key.named(name), 1);
  for (const segment of pathSegmentsCached(ticket.pageUrl)) named(`x:page:${segment}`);
  for (const failure of ticket.failedRequests ?? []) {
    named(`x:fail:${failure.status >= 500 ? "5xx" : failure.status === 0 ? "none" : "4xx"}`);
    if (failure.status === 401 || failure.status === 403) named("x:fail:denied");
    for (const segment of pathSegmentsCached(failure.url)) named(`x:failpath:${segment}`);
  }
  if ((ticket.consoleErrors ?? []).length > 0) named("x:console-error");

  mergeGroup(out, wordGroup, GROUP_WEIGHT.w);
  mergeGroup(out, bigramGroup, GROUP_WEIGHT.b);
  mergeGroup(out, charGroup, GROUP_WEIGHT.c);
  mergeGroup(out, contextGroup, GROUP_WEIGHT.x);
  out.add(key.named("bias"), 1);
  return out;
}

/** The ticket's features by name (readable; tests and explanations). */
export function featuresOf(ticket: TicketText): Features {
  return (collect(ticket, byName) as MapAccumulator<string>).map;
}

/** The ticket's features as hashed buckets: what the models read. */
export function vectorOf(ticket: TicketText): SparseVector {
  const out = collect(ticket, byBucket) as DenseAccumulator;
  const n = out.touched.length;
  const ids = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = out.touched[i]!;
    ids[i] = id;
    values[i] = out.values[id]!;
  }
  return { ids, values };
}

/** The bucket of a named feature, e.g. `w:<stem>` (for the detector's explanation). */
export const featureBucket = (name: string) => bucketOf(fnv(name));

const pathCache = new Map<string, string[]>();
function pathSegmentsCached(url: string | undefined): string[] {
  if (!url) return [];
  let segments = pathCache.get(url);
  if (!segments) {
    segments = segmentsOf(url);
    if (pathCache.size > 10_000) pathCache.clear();
    pathCache.set(url, segments);
  }
  return segments;
}
