import { readFileSync } from "node:fs";
import { featureBucket, languageOf, type SparseVector, type TicketText, tokensOf, vectorOf } from "./features.js";
import { maxCosine, type SimilarityIndex } from "./similarity.js";
import {
  deserializeModel,
  logits,
  predict,
  type Ranked,
  type serializeModel,
  type SoftmaxModel,
  softmax,
} from "./softmax.js";

/**
 * The routing model: a queue classifier and a separate security-incident detector (binary, tuned for recall).
 * The starter model ships as data (data/routing/model/prior.json, built by scripts/routing/train-prior.ts);
 * a workspace adds a small model of its own resolved tickets on top of the fixed prior (`workspace`).
 */
export interface RoutingModel {
  queue: SoftmaxModel;
  security: SoftmaxModel;
  /** The detector flags a ticket at or above this probability. */
  securityThreshold: number;
  /**
   * Share of the incident score taken from the prior's queue model (its calibrated probability of the security
   * queue); the rest is the detector's. 0 or absent: the detector alone. See `securityScore`.
   */
  securityBlend?: number;
  /**
   * With a blend: the score is at least this times the detector's probability, so an incident the detector is
   * sure of keeps its flag when the queue model reads the ticket as its other topic (security always wins).
   */
  securityDetectorAlone?: number;
  /** Resolved tickets of the workspace this model learned from (0 = the shipped prior). */
  examples: number;
  /**
   * Models trained only on the workspace's own tickets. Their logits are added to the prior's with `weight`
   * (growing with the number of tickets): refining the prior itself on a few tickets overfitted them and lowered
   * accuracy on the workspace's other tickets (scripts/routing/tune-refine.ts).
   */
  workspace?: {
    queue: SoftmaxModel;
    security: SoftmaxModel;
    queueWeight: number;
    securityWeight: number;
    /** The workspace's detector can only lower the prior's incident score (its logit counts as `min(0, ·)`). */
    securityLowersOnly?: boolean;
    /** Log-odds the workspace's detector must go below before they lower the prior's score. */
    securityMargin?: number;
    /** Weight of the workspace model's logits for queues the prior does not know. */
    newQueueWeight: number;
    /**
     * The queue model counts (at `queueWeight`) only for a ticket at least `minSimilarity` (cosine) like one of the
     * tickets the prior routed wrong (`corrections`): elsewhere it has nothing to say but noise.
     */
    queueGate?: { minSimilarity: number; corrections: SimilarityIndex };
  };
}

export interface RoutingModelJson {
  version: 2;
  trainedOn: number;
  queue: ReturnType<typeof serializeModel>;
  security: ReturnType<typeof serializeModel>;
  securityThreshold: number;
  securityBlend?: number;
  securityDetectorAlone?: number;
}

export const SECURITY_QUEUE = "security";
const PRIOR_PATH = new URL("../../../../data/routing/model/prior.json", import.meta.url);

let prior: RoutingModel | null = null;
/** Loaded once, at the first triage. */
export function priorModel(): RoutingModel {
  if (!prior) prior = modelFromJson(JSON.parse(readFileSync(PRIOR_PATH, "utf8")) as RoutingModelJson);
  return prior;
}

export function modelFromJson(json: RoutingModelJson): RoutingModel {
  return {
    queue: deserializeModel(json.queue),
    security: deserializeModel(json.security),
    securityThreshold: json.securityThreshold,
    securityBlend: json.securityBlend,
    securityDetectorAlone: json.securityDetectorAlone,
    examples: 0,
  };
}

export interface Classification {
  /** Queues by calibrated probability, best first. */
  ranked: Ranked[];
  security: { probability: number; flagged: boolean; signals: string[] };
}

export function classify(model: RoutingModel, ticket: TicketText): Classification {
  return classifyFeatures(model, vectorOf(ticket), ticket);
}

export function classifyFeatures(model: RoutingModel, features: SparseVector, ticket?: TicketText): Classification {
  const own = model.workspace;
  const ranked = own
    ? rank(combined(model.queue, own.queue, own.queueWeight * gateOf(own, features), features, own.newQueueWeight))
    : predict(model.queue, features);
  const probability = securityScore(model, features);
  const flagged = probability >= model.securityThreshold;
  return {
    ranked,
    security: { probability, flagged, signals: flagged && ticket ? securitySignals(model.security, ticket) : [] },
  };
}

/**
 * How much a ticket looks like an incident: the prior's detector probability, blended (`securityBlend`) with the
 * prior's queue model's probability of the security queue, then lowered (never raised) by the workspace's own
 * detector. The two models err on different tickets: on the development set (data/routing/dev) the detector
 * alone needed 46 false alarms to catch all 57 incidents, the half-half blend 14 (scripts/routing/tune-dev.ts).
 * Only the prior's queue model is blended, so a workspace's queue model cannot talk the score out of an incident.
 */
export function securityScore(model: RoutingModel, features: SparseVector): number {
  const own = model.workspace;
  if (own && !own.securityLowersOnly) {
    const { labels, p } = combined(model.security, own.security, own.securityWeight, features);
    const yes = labels.indexOf("yes");
    return yes < 0 ? 0 : p[yes]!;
  }
  const prior = priorScore(model, features);
  return own ? loweredOnly(prior, own, features) : prior;
}

/**
 * The prior's incident probability: its detector, blended with its queue model when `securityBlend` is set (and
 * then at least `securityDetectorAlone` times the detector's).
 */
function priorScore(model: RoutingModel, features: SparseVector): number {
  const yes = model.security.labels.indexOf("yes");
  const detector = yes < 0 ? 0 : softmax(logits(model.security, features), model.security.temperature)[yes]!;
  const blend = model.securityBlend ?? 0;
  if (blend === 0) return detector;
  const at = model.queue.labels.indexOf(SECURITY_QUEUE);
  const queue = at < 0 ? 0 : softmax(logits(model.queue, features), model.queue.temperature)[at]!;
  return Math.max((1 - blend) * detector + blend * queue, (model.securityDetectorAlone ?? 0) * detector);
}

/** 1 where the workspace's queue model may speak for this ticket (see `queueGate`), else 0. */
function gateOf(own: NonNullable<RoutingModel["workspace"]>, features: SparseVector): number {
  const gate = own.queueGate;
  if (!gate) return 1;
  return maxCosine(withoutBias(features), gate.corrections) >= gate.minSimilarity ? 1 : 0;
}

/**
 * Queues the prior knows: the prior's calibrated logits plus `weight` times the workspace model's, so a few
 * tickets only nudge the prior. Queues only the workspace knows (e.g. `warehouse`) get the workspace model's
 * logit at `newWeight`: the prior has no evidence to protect there, and its logit for them is 0, the mean of its
 * logits (softmax weights trained from zero sum to zero across labels), i.e. no opinion. A ticket the prior is
 * sure about keeps its queue; one it is unsure about goes where the workspace's own tickets point.
 */
function combined(prior: SoftmaxModel, own: SoftmaxModel, weight: number, features: SparseVector, newWeight = 0) {
  const fromPrior = logits(prior, features);
  const z = logits(own, features);
  for (let k = 0; k < own.labels.length; k++) {
    const at = prior.labels.indexOf(own.labels[k]!);
    z[k] = at >= 0 ? z[k]! * weight + fromPrior[at]! / prior.temperature : z[k]! * newWeight;
  }
  return { labels: own.labels, p: softmax(z) };
}

/**
 * The prior's incident log-odds plus the workspace detector's, counted only when it says "less likely": a
 * workspace's few tickets can teach what its false alarms look like, but raising an incident is left to the prior.
 */
function loweredOnly(
  prior: number,
  own: { security: SoftmaxModel; securityWeight: number; securityMargin?: number },
  features: SparseVector,
): number {
  const yes = own.security.labels.indexOf("yes");
  const no = own.security.labels.indexOf("no");
  const z = logits(own.security, features);
  const fromOwn = yes < 0 || no < 0 ? 0 : own.securityWeight * (z[yes]! - z[no]!);
  const fromPrior = Math.log(Math.max(prior, 1e-12) / Math.max(1 - prior, 1e-12));
  return 1 / (1 + Math.exp(-(fromPrior + Math.min(0, fromOwn + (own.securityMargin ?? 0)))));
}

const BIAS = featureBucket("bias");
/** The features without the constant bias, which every ticket shares (it would make all tickets look alike). */
export function withoutBias(v: SparseVector): SparseVector {
  const at = v.ids.indexOf(BIAS);
  if (at < 0) return v;
  const ids = new Int32Array(v.ids.length - 1);
  const values = new Float64Array(v.ids.length - 1);
  ids.set(v.ids.subarray(0, at));
  ids.set(v.ids.subarray(at + 1), at);
  values.set(v.values.subarray(0, at));
  values.set(v.values.subarray(at + 1), at);
  return { ids, values };
}

const rank = ({ labels, p }: { labels: string[]; p: Float64Array }): Ranked[] =>
  labels.map((label, k) => ({ label, probability: p[k]! })).sort((a, b) => b.probability - a.probability);

/** The ticket's words that pushed the detector hardest towards "incident": shown to agents as the reason. */
function securitySignals(detector: SoftmaxModel, ticket: TicketText): string[] {
  const yes = detector.labels.indexOf("yes");
  const no = detector.labels.indexOf("no");
  const seen = new Map<string, number>();
  const text = `${ticket.subject} ${ticket.description}`;
  for (const token of tokensOf(text, languageOf(text))) {
    const { word } = token;
    if (seen.has(word) || word.length < 3 || !token.isWord) continue;
    const base = token.wordBucket * detector.labels.length;
    seen.set(word, detector.weights[base + yes]! - detector.weights[base + no]!);
  }
  return [...seen.entries()]
    .filter(([, push]) => push > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([word]) => word);
}
