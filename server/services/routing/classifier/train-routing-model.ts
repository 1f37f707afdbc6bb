import { type SparseVector, type TicketText, vectorOf } from "./features.js";
import { classifyFeatures, type RoutingModel, SECURITY_QUEUE, securityScore, withoutBias } from "./routing-model.js";
import { similarityIndex } from "./similarity.js";
import { type Example, fitTemperature, logits, type SoftmaxModel, trainSoftmax } from "./softmax.js";

export interface LabelledTicket extends TicketText {
  queue: string;
  /** Whether the ticket was a security incident (false after an agent marked a false alarm). */
  security: boolean;
  /** An agent marked the detector's flag on this ticket as a false alarm. */
  falseAlarm?: boolean;
}

export interface PriorSettings {
  epochs: number;
  l2: number;
  /** Incidents are rare and must not be missed: each one counts this much more in the detector's training. */
  positiveWeight: number;
  /** Share of the incident score from the queue model's security probability (`RoutingModel.securityBlend`). */
  securityBlend: number;
  /** The score is at least this times the detector's probability (`RoutingModel.securityDetectorAlone`). */
  securityDetectorAlone: number;
}
/**
 * Epochs, L2 and the incident weight were chosen on the held-out fifth of the training corpus
 * (scripts/routing/tune-prior.ts). The blend is off in the shipped prior: on the development set it caught every
 * incident but with one false alarm more than run 9's detector, so it was not evaluated (data/routing/README.md,
 * run 12); `ROUTING_SECURITY_BLEND=0.5 ROUTING_DETECTOR_ALONE=0.7 npm run routing:train` builds that candidate.
 */
export const DEFAULT_PRIOR_SETTINGS: PriorSettings = {
  epochs: 12,
  l2: 1e-5,
  positiveWeight: 1,
  securityBlend: 0,
  securityDetectorAlone: 0,
};

const queueExamples = (rows: { features: SparseVector; t: LabelledTicket }[]): Example[] =>
  rows.map(({ features, t }) => ({ features, label: t.queue }));
/** `positiveWeight`: the prior upweights its incidents; a workspace's own tickets count as they come. */
const securityExamples = (rows: { features: SparseVector; t: LabelledTicket }[], positiveWeight: number): Example[] =>
  rows.map(({ features, t }) => ({
    features,
    label: t.security ? "yes" : "no",
    weight: t.security ? positiveWeight : 1,
  }));

export const featurize = (tickets: LabelledTicket[]) => tickets.map((t) => ({ features: vectorOf(t), t }));

/** The starter model from a labelled corpus; temperature and threshold come from `calibration` (held out). */
export async function trainPrior(
  train: LabelledTicket[],
  calibration?: { heldOut: LabelledTicket[]; securityBeta: number },
  settings: PriorSettings = DEFAULT_PRIOR_SETTINGS,
): Promise<RoutingModel & { securityRecallOnHeldOut?: number }> {
  const rows = featurize(train);
  const { epochs, l2, positiveWeight } = { ...DEFAULT_PRIOR_SETTINGS, ...settings };
  const queue = await trainSoftmax(queueExamples(rows), { epochs, learningRate: 0.5, l2, seed: 1 });
  const security = await trainSoftmax(securityExamples(rows, positiveWeight), {
    epochs,
    learningRate: 0.5,
    l2,
    seed: 2,
  });
  const model: RoutingModel = {
    queue,
    security,
    securityThreshold: 0.5,
    securityBlend: settings.securityBlend || undefined,
    securityDetectorAlone: settings.securityDetectorAlone || undefined,
    examples: 0,
  };
  if (!calibration) return model;
  const held = featurize(calibration.heldOut);
  queue.temperature = fitTemperature(queue, queueExamples(held));
  security.temperature = fitTemperature(security, securityExamples(held, 1));
  model.securityThreshold = thresholdForRecall(model, held, calibration.securityBeta);
  return model;
}

/**
 * The threshold with the best F-beta on held-out tickets (beta 2: a missed incident costs four times a false
 * alarm, and agents can mark false alarms, which trains the detector).
 */
function thresholdForRecall(model: RoutingModel, held: ReturnType<typeof featurize>, beta: number): number {
  return bestThreshold(
    held.map((r) => ({ incident: r.t.security, probability: securityScore(model, r.features) })),
    beta,
  );
}

/** The threshold (0.05-0.89, step 0.01) with the best F-beta over scored held-out tickets. */
export function bestThreshold(scored: { incident: boolean; probability: number }[], beta: number): number {
  const positives = scored.filter((s) => s.incident).length;
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.05; t < 0.9; t += 0.01) {
    const flagged = scored.filter((s) => s.probability >= t);
    const caught = flagged.filter((s) => s.incident).length;
    if (caught === 0) continue;
    const precision = caught / flagged.length;
    const recall = caught / positives;
    const f = ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall);
    if (f > bestScore) {
      bestScore = f;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/**
 * A workspace's model: the prior stays as shipped; small models learn from the workspace's resolved tickets
 * alone (a few epochs of logistic regression from zero on the same hashed features) and their logits are added
 * with weight `scale * n / (n + k)`, so a few tickets nudge the prior and many tickets weigh more. Yields to the
 * event loop as it goes so it can run beside request handling.
 */
export interface RefineSettings {
  /** Tickets at which the workspace's models count half of `scale`. */
  k: number;
  /** The workspace's weight in the queue model as n grows large. */
  scale: number;
  /** The same for the incident detector (which can only lower the prior's score, see `securityLowersOnly`). */
  securityScale: number;
  /** The workspace's detector may only lower the prior's incident score, never raise it (`min(0, w·logit)`). */
  securityLowersOnly: boolean;
  /**
   * What the workspace's detector learns "not an incident" from: every ordinary ticket (`all`), or only the
   * prior's false alarms (`priorFlagged`: ordinary tickets the prior flags, and tickets marked as false alarms).
   */
  securityNegatives: "all" | "priorFlagged";
  /** Weight the detector's two classes to equal totals (a workspace's incidents and false alarms are few and uneven). */
  securityBalanced: boolean;
  /** With `securityLowersOnly`: the workspace's log-odds must fall below `-securityMargin` before they lower anything. */
  securityMargin: number;
  /**
   * Weight of the workspace model for queues the prior does not know: the prior's calibrated logits for a ticket
   * it is sure of are large, and a handful of a new queue's tickets must still be able to claim similar ones.
   */
  newQueueWeight: number;
  /**
   * How the workspace's queue model is trained. `"alone"` (until 4 December): from zero on the workspace's tickets,
   * its logits added with weight `scale * n / (n + k)`; it relearns what the prior already knows, so its weight
   * has to stay small (0.17-0.33 at 25-100 tickets) and it changed almost no decision: five tickets an agent moved
   * from billing to technical did not move the sixth. `"residual"`: trained with the prior's calibrated logits as
   * a fixed offset (the same sum classification uses, at weight `residualScale`), so it learns only what the
   * prior gets wrong on this workspace's tickets; tickets the prior routes confidently and right teach nothing.
   */
  queueMode: "alone" | "residual";
  residualScale: number;
  residualLearningRate: number;
  /**
   * Whether the residual model learns a bias (the workspace's queue mix): from 25-50 tickets it is noise, and on the
   * development set it cost 0.5 points after 25 (`scripts/routing/tune-dev-after.ts`); off, only words move queues.
   */
  residualBias: boolean;
  /**
   * With a residual: the queue model counts only for tickets at least this (cosine) like one the prior routed wrong
   * (0: everywhere). A workspace's corrections teach where they recur; on unlike tickets the residual is noise.
   */
  residualGate: number;
  learningRate: number;
  /** Pull towards zero: the workspace's models stay small where its tickets say little. */
  l2: number;
  epochs: number;
}
/** Chosen on held-out statements of the training corpus by scripts/routing/tune-refine.ts. */
export const DEFAULT_REFINE_SETTINGS: RefineSettings = {
  k: 50,
  scale: 0.5,
  securityScale: 1,
  securityLowersOnly: true,
  securityNegatives: "priorFlagged",
  securityBalanced: false,
  securityMargin: 0,
  newQueueWeight: 3,
  queueMode: "residual",
  residualScale: 1,
  residualLearningRate: 1,
  residualBias: false,
  residualGate: 0.5,
  learningRate: 0.5,
  l2: 1e-4,
  epochs: 5,
};

/** The gate keeps 1,000 corrections (the newest: retraining reads them newest first): classifying stays ~2 ms at p99. */
const MAX_CORRECTIONS = 1000;

const growing = (n: number, k: number) => n / (n + k);

/** The prior's calibrated logits laid out for `labels` (0, no opinion, for a queue the prior does not know). */
function priorOffsets(prior: SoftmaxModel, labels: string[], features: SparseVector): Float64Array {
  const z = logits(prior, features);
  const out = new Float64Array(labels.length);
  labels.forEach((label, k) => {
    const at = prior.labels.indexOf(label);
    if (at >= 0) out[k] = z[at]! / prior.temperature;
  });
  return out;
}

export async function refineModel(
  prior: RoutingModel,
  tickets: LabelledTicket[],
  settings: RefineSettings = DEFAULT_REFINE_SETTINGS,
): Promise<RoutingModel> {
  if (tickets.length === 0) return prior;
  const rows = featurize(tickets);
  const options = { epochs: settings.epochs, learningRate: settings.learningRate, l2: settings.l2, yieldEvery: 200 };
  const queueRows = rows.filter((r) => r.t.queue !== SECURITY_QUEUE || r.t.security);
  const residual = settings.queueMode === "residual";
  const examples = queueExamples(queueRows);
  if (residual && !settings.residualBias) for (const e of examples) e.features = withoutBias(e.features);
  const queue = await trainSoftmax(examples, {
    ...options,
    learningRate: residual ? settings.residualLearningRate : settings.learningRate,
    labels: prior.queue.labels,
    seed: 3,
    offsets: residual ? (labels) => queueRows.map((r) => priorOffsets(prior.queue, labels, r.features)) : undefined,
  });
  const priorOnly: RoutingModel = { ...prior, workspace: undefined };
  const detectorRows =
    settings.securityNegatives === "all"
      ? rows
      : rows.filter(
          (r) => r.t.security || r.t.falseAlarm || securityScore(priorOnly, r.features) >= priorOnly.securityThreshold,
        );
  const incidents = detectorRows.filter((r) => r.t.security).length;
  const others = detectorRows.length - incidents;
  const detectorExamples = securityExamples(detectorRows, 1);
  if (settings.securityBalanced && incidents > 0 && others > 0) {
    for (const e of detectorExamples) e.weight = detectorRows.length / (2 * (e.label === "yes" ? incidents : others));
  }
  const security = await trainSoftmax(detectorExamples, {
    ...options,
    labels: ["no", "yes"],
    seed: 4,
  });
  const queueGate =
    residual && settings.residualGate > 0
      ? {
          minSimilarity: settings.residualGate,
          corrections: similarityIndex(
            queueRows
              .filter((r) => classifyFeatures(priorOnly, r.features).ranked[0]?.label !== r.t.queue)
              .slice(0, MAX_CORRECTIONS)
              .map((r) => withoutBias(r.features)),
          ),
        }
      : undefined;
  return {
    ...prior,
    workspace: {
      queue,
      security,
      queueGate,
      queueWeight: residual ? settings.residualScale : settings.scale * growing(tickets.length, settings.k),
      securityWeight: settings.securityScale * growing(tickets.length, settings.k),
      securityLowersOnly: settings.securityLowersOnly,
      securityMargin: settings.securityMargin,
      newQueueWeight: settings.newQueueWeight,
    },
    examples: tickets.length,
  };
}
