import { FEATURE_DIM, type SparseVector } from "./hashing.js";

/**
 * Multinomial logistic regression on hashed sparse features, trained by SGD. A model may start from another one
 * (the shipped prior) and be pulled back towards it (L2 around the prior), which is how a workspace's own tickets
 * refine the starter model without forgetting it. Confidence is calibrated by a temperature on the logits.
 * Weights are one flat Float32Array, feature-major (bucket * labels + label): a ticket's ~250 features read
 * ~250 short contiguous runs, no Map lookups.
 */
export interface SoftmaxModel {
  labels: string[];
  /** FEATURE_DIM * labels.length weights. */
  weights: Float32Array;
  /** Logits are divided by this before the softmax (fitted on held-out tickets). */
  temperature: number;
}

export interface Example {
  features: SparseVector;
  label: string;
  /** How much this example counts (default 1). */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 strength, towards `start`'s weights when given, else towards 0. */
  l2?: number;
  start?: SoftmaxModel;
  seed?: number;
  /** Yield to the event loop every this many examples, so training never blocks requests for long. */
  yieldEvery?: number;
  /** Labels to learn besides the examples' own (a workspace that has only marked false alarms still needs "yes"). */
  labels?: string[];
  /**
   * Fixed logits added to each example's before the softmax, one array per example in the order of the model's
   * (sorted) labels: the model then learns only what these logits get wrong (a workspace's correction of the prior).
   */
  offsets?: (labels: string[]) => Float64Array[];
}

export function logits(model: SoftmaxModel, x: SparseVector): Float64Array {
  const K = model.labels.length;
  const out = new Float64Array(K);
  const w = model.weights;
  for (let j = 0; j < x.ids.length; j++) {
    const base = x.ids[j]! * K;
    const v = x.values[j]!;
    for (let k = 0; k < K; k++) out[k]! += w[base + k]! * v;
  }
  return out;
}

export function softmax(values: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) max = Math.max(max, v / temperature);
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    out[k] = Math.exp(values[k]! / temperature - max);
    sum += out[k]!;
  }
  for (let k = 0; k < values.length; k++) out[k]! /= sum;
  return out;
}

export interface Ranked {
  label: string;
  probability: number;
}

/** Labels by calibrated probability, best first. */
export function predict(model: SoftmaxModel, x: SparseVector): Ranked[] {
  const p = softmax(logits(model, x), model.temperature);
  return model.labels.map((label, k) => ({ label, probability: p[k]! })).sort((a, b) => b.probability - a.probability);
}

/** `start`'s weights laid out for `labels` (a superset of its own, e.g. a workspace's new queue). */
function anchorFor(start: SoftmaxModel, labels: string[]): Float32Array {
  if (start.labels.length === labels.length && start.labels.every((l, k) => l === labels[k])) return start.weights;
  const K = labels.length;
  const from = start.labels.length;
  const map = start.labels.map((l) => labels.indexOf(l));
  const out = new Float32Array(FEATURE_DIM * K);
  for (let f = 0; f < FEATURE_DIM; f++)
    for (let k = 0; k < from; k++) out[f * K + map[k]!] = start.weights[f * from + k]!;
  return out;
}

export async function trainSoftmax(examples: Example[], options: TrainOptions = {}): Promise<SoftmaxModel> {
  const { epochs = 12, learningRate = 0.5, l2 = 1e-5, start, yieldEvery = 0 } = options;
  const labels = [
    ...new Set([...(start?.labels ?? []), ...(options.labels ?? []), ...examples.map((e) => e.label)]),
  ].sort();
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const K = labels.length;
  const full = start ? anchorFor(start, labels) : null;
  // Training touches only the buckets its examples use: renumber them densely so the weights being learned are
  // a small array that stays in cache (the full 2^18-bucket array would make every access a cache miss).
  const local = new Int32Array(FEATURE_DIM).fill(-1);
  const used: number[] = [];
  const rows = examples.map((e) => {
    const ids = new Int32Array(e.features.ids.length);
    e.features.ids.forEach((id, j) => {
      if (local[id] === -1) {
        local[id] = used.length;
        used.push(id);
      }
      ids[j] = local[id]!;
    });
    return { ids, values: e.features.values, weight: e.weight ?? 1 };
  });
  const w = new Float64Array(used.length * K);
  const anchor = full ? new Float64Array(used.length * K) : null;
  if (full && anchor) {
    used.forEach((id, f) => {
      for (let k = 0; k < K; k++) anchor[f * K + k] = full[id * K + k]!;
    });
    w.set(anchor);
  }
  const targets = Int32Array.from(examples, (e) => labelIndex.get(e.label)!);
  const offsets = options.offsets?.(labels);
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed ?? 1);
  const z = new Float64Array(K);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    const rate = learningRate / (1 + epoch);
    const decay = rate * l2;
    for (const i of order) {
      const { ids, values, weight } = rows[i]!;
      if (offsets) z.set(offsets[i]!);
      else z.fill(0);
      for (let j = 0; j < ids.length; j++) {
        const base = ids[j]! * K;
        const v = values[j]!;
        for (let k = 0; k < K; k++) z[k]! += w[base + k]! * v;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      const target = targets[i]!;
      for (let k = 0; k < K; k++) z[k] = z[k]! / sum - (k === target ? 1 : 0);
      const scale = rate * weight;
      // L2 is applied lazily, to the features this example touches.
      for (let j = 0; j < ids.length; j++) {
        const base = ids[j]! * K;
        const v = values[j]!;
        for (let k = 0; k < K; k++) {
          const at = base + k;
          w[at]! -= scale * z[k]! * v + decay * (w[at]! - (anchor ? anchor[at]! : 0));
        }
      }
      if (yieldEvery > 0 && ++step % yieldEvery === 0) await new Promise((r) => setImmediate(r));
    }
  }
  // Untouched buckets keep the starting model's weights.
  const weights = full ? Float32Array.from(full) : new Float32Array(FEATURE_DIM * K);
  used.forEach((id, f) => {
    for (let k = 0; k < K; k++) weights[id * K + k] = w[f * K + k]!;
  });
  return { labels, weights, temperature: 1 };
}

/** The temperature that minimises log-loss on held-out examples (a 1-D search; logits are fixed). */
export function fitTemperature(model: SoftmaxModel, heldOut: Example[]): number {
  const rows = heldOut.map((e) => ({ z: logits(model, e.features), k: model.labels.indexOf(e.label) }));
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.2; t <= 5; t += 0.05) {
    let loss = 0;
    for (const { z, k } of rows) loss -= Math.log(Math.max(softmax(z, t)[k] ?? 0, 1e-12));
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** JSON form of a model: the buckets with a weight of at least `minWeight`, weights rounded, row by row. */
export function serializeModel(model: SoftmaxModel, minWeight = 0.002) {
  const K = model.labels.length;
  const buckets: number[] = [];
  const weights: number[] = [];
  for (let f = 0; f < FEATURE_DIM; f++) {
    const row = model.weights.subarray(f * K, f * K + K);
    if (row.every((v) => Math.abs(v) < minWeight)) continue;
    buckets.push(f);
    for (const v of row) weights.push(Math.round(v * 1000) / 1000);
  }
  return { labels: model.labels, temperature: model.temperature, dim: FEATURE_DIM, buckets, weights };
}

export function deserializeModel(json: ReturnType<typeof serializeModel>): SoftmaxModel {
  if (json.dim !== FEATURE_DIM)
    throw new Error(`routing model has ${json.dim} feature buckets, expected ${FEATURE_DIM}`);
  const K = json.labels.length;
  const weights = new Float32Array(FEATURE_DIM * K);
  json.buckets.forEach((f, i) => {
    for (let k = 0; k < K; k++) weights[f * K + k] = json.weights[i * K + k]!;
  });
  return { labels: json.labels, weights, temperature: json.temperature };
}
