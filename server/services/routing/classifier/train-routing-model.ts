import { type SparseVector, type TicketText, vectorOf } from "./features.js";
import { type RoutingModel, SECURITY_QUEUE } from "./routing-model.js";
import { type Example, fitTemperature, logits, softmax, trainSoftmax } from "./softmax.js";

export interface LabelledTicket extends TicketText {
  queue: string;
  /** Whether the ticket was a security incident (false after an agent marked a false alarm). */
  security: boolean;
}

/** Incidents are rare and must not be missed: each one counts this much more in the detector's training. */
const SECURITY_POSITIVE_WEIGHT = 2;

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
): Promise<RoutingModel & { securityRecallOnHeldOut?: number }> {
  const rows = featurize(train);
  const queue = await trainSoftmax(queueExamples(rows), { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 1 });
  const security = await trainSoftmax(securityExamples(rows, SECURITY_POSITIVE_WEIGHT), {
    epochs: 12,
    learningRate: 0.5,
    l2: 1e-5,
    seed: 2,
  });
  const model: RoutingModel = { queue, security, securityThreshold: 0.5, examples: 0 };
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
  const yes = model.security.labels.indexOf("yes");
  const scored = held.map((r) => ({ y: r.t.security, p: securityProbability(model, r.features, yes) }));
  const positives = scored.filter((s) => s.y).length;
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.05; t < 0.9; t += 0.01) {
    const flagged = scored.filter((s) => s.p >= t);
    const caught = flagged.filter((s) => s.y).length;
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

function securityProbability(model: RoutingModel, features: SparseVector, yes: number): number {
  return softmax(logits(model.security, features), model.security.temperature)[yes]!;
}

/**
 * A workspace's model: the prior refined on its resolved tickets, pulled back towards the prior (L2 around it)
 * so a few tickets adjust it without erasing it, while many tickets weigh more. Yields to the event loop as it
 * goes so it can run beside request handling.
 */
export async function refineModel(prior: RoutingModel, tickets: LabelledTicket[]): Promise<RoutingModel> {
  if (tickets.length === 0) return prior;
  const rows = featurize(tickets);
  const epochs = tickets.length < 500 ? 10 : tickets.length < 2000 ? 5 : 3;
  const options = { epochs, learningRate: 0.3, l2: 1e-3, yieldEvery: 200 };
  const queue = await trainSoftmax(queueExamples(rows.filter((r) => r.t.queue !== SECURITY_QUEUE || r.t.security)), {
    ...options,
    start: prior.queue,
    seed: 3,
  });
  queue.temperature = prior.queue.temperature;
  const security = await trainSoftmax(securityExamples(rows, 1), { ...options, start: prior.security, seed: 4 });
  security.temperature = prior.security.temperature;
  return { queue, security, securityThreshold: prior.securityThreshold, examples: tickets.length };
}
