import type { Features } from "./features.js";

/**
 * Multinomial logistic regression on sparse features, trained by SGD. A model may start from another one (the
 * shipped prior) and be pulled back towards it (L2 around the prior), which is how a workspace's own tickets
 * refine the starter model without forgetting it. Confidence is calibrated by a temperature on the logits.
 */
export interface SoftmaxModel {
  labels: string[];
  /** feature -> one weight per label */
  weights: Map<string, Float64Array>;
  /** Logits are divided by this before the softmax (fitted on held-out tickets). */
  temperature: number;
}

export interface Example {
  features: Features;
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
}

export function logits(model: SoftmaxModel, features: Features): Float64Array {
  const out = new Float64Array(model.labels.length);
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    for (let k = 0; k < out.length; k++) out[k]! += w[k]! * value;
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
export function predict(model: SoftmaxModel, features: Features): Ranked[] {
  const p = softmax(logits(model, features), model.temperature);
  return model.labels.map((label, k) => ({ label, probability: p[k]! })).sort((a, b) => b.probability - a.probability);
}

export async function trainSoftmax(examples: Example[], options: TrainOptions = {}): Promise<SoftmaxModel> {
  const { epochs = 12, learningRate = 0.5, l2 = 1e-5, start, yieldEvery = 0 } = options;
  const labels = [...new Set([...(start?.labels ?? []), ...examples.map((e) => e.label)])].sort();
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const K = labels.length;
  // Features become integer ids and weights one flat array: far faster than maps in the inner loop.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  if (start) for (const name of start.weights.keys()) idOf(name);
  const rows = examples.map((e) => ({
    ids: Int32Array.from(e.features.keys(), idOf),
    values: Float64Array.from(e.features.values()),
    target: labelIndex.get(e.label)!,
    weight: e.weight ?? 1,
  }));
  const w = new Float64Array(names.length * K);
  const anchor = start ? new Float64Array(names.length * K) : null;
  if (start && anchor) {
    const map = start.labels.map((l) => labelIndex.get(l)!);
    for (const [name, row] of start.weights) {
      const base = ids.get(name)! * K;
      for (let k = 0; k < row.length; k++) anchor[base + map[k]!] = row[k]!;
    }
    w.set(anchor);
  }
  const order = rows.map((_, i) => i);
  const random = mulberry32(options.seed ?? 1);
  const z = new Float64Array(K);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    const rate = learningRate / (1 + epoch);
    for (const i of order) {
      const row = rows[i]!;
      z.fill(0);
      for (let j = 0; j < row.ids.length; j++) {
        const base = row.ids[j]! * K;
        const v = row.values[j]!;
        for (let k = 0; k < K; k++) z[k]! += w[base + k]! * v;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      for (let k = 0; k < K; k++) z[k] = z[k]! / sum - (k === row.target ? 1 : 0);
      const scale = rate * row.weight;
      const decay = rate * l2;
      for (let j = 0; j < row.ids.length; j++) {
        const base = row.ids[j]! * K;
        const v = row.values[j]!;
        for (let k = 0; k < K; k++) {
          const at = base + k;
          w[at]! -= scale * z[k]! * v + decay * (w[at]! - (anchor ? anchor[at]! : 0));
        }
      }
      if (yieldEvery > 0 && ++step % yieldEvery === 0) await new Promise((r) => setImmediate(r));
    }
  }
  const weights = new Map<string, Float64Array>();
  names.forEach((name, id) => {
    weights.set(name, w.slice(id * K, id * K + K));
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

/** JSON form of a model: rounded weights, near-zero features dropped. */
export function serializeModel(model: SoftmaxModel, minWeight = 0.002) {
  const weights: Record<string, number[]> = {};
  for (const [name, w] of model.weights) {
    if (w.every((v) => Math.abs(v) < minWeight)) continue;
    weights[name] = Array.from(w, (v) => Math.round(v * 1000) / 1000);
  }
  return { labels: model.labels, temperature: model.temperature, weights };
}

export function deserializeModel(json: ReturnType<typeof serializeModel>): SoftmaxModel {
  const weights = new Map<string, Float64Array>();
  for (const [name, w] of Object.entries(json.weights)) weights.set(name, Float64Array.from(w));
  return { labels: json.labels, weights, temperature: json.temperature };
}
