import { type Features, featuresOf, type TicketText } from "./features.js";
import { type RoutingModel, SECURITY_QUEUE } from "./routing-model.js";
import { type Example, fitTemperature, trainSoftmax } from "./softmax.js";

export interface LabelledTicket extends TicketText {
  queue: string;
  /** Whether the ticket was a security incident (false after an agent marked a false alarm). */
  security: boolean;
}

/** Incidents are rare and must not be missed: each one counts this much more in the detector's training. */
const SECURITY_POSITIVE_WEIGHT = 2;

const queueExamples = (rows: { features: Features; t: LabelledTicket }[], weight = 1): Example[] =>
  rows.map(({ features, t }) => ({ features, label: t.queue, weight }));
const securityExamples = (rows: { features: Features; t: LabelledTicket }[], weight = 1): Example[] =>
  rows.map(({ features, t }) => ({
    features,
    label: t.security ? "yes" : "no",
    weight: weight * (t.security ? SECURITY_POSITIVE_WEIGHT : 1),
  }));

export const featurize = (tickets: LabelledTicket[]) => tickets.map((t) => ({ features: featuresOf(t), t }));

/** The starter model from a labelled corpus; temperature and threshold come from `calibration` (held out). */
export async function trainPrior(
  train: LabelledTicket[],
  calibration?: { heldOut: LabelledTicket[]; securityRecall: number },
): Promise<RoutingModel & { securityRecallOnHeldOut?: number }> {
  const rows = featurize(train);
  const queue = await trainSoftmax(queueExamples(rows), { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 1 });
  const security = await trainSoftmax(securityExamples(rows), { epochs: 12, learningRate: 0.5, l2: 1e-5, seed: 2 });
  const model: RoutingModel = { queue, security, securityThreshold: 0.5, examples: 0 };
  if (!calibration) return model;
  const held = featurize(calibration.heldOut);
  queue.temperature = fitTemperature(queue, queueExamples(held));
  security.temperature = fitTemperature(security, securityExamples(held));
  model.securityThreshold = thresholdForRecall(model, held, calibration.securityRecall);
  return model;
}

/** The highest threshold that still flags `recall` of the held-out incidents. */
function thresholdForRecall(model: RoutingModel, held: ReturnType<typeof featurize>, recall: number): number {
  const yes = model.security.labels.indexOf("yes");
  const scores = held
    .filter((r) => r.t.security)
    .map((r) => securityProbability(model, r.features, yes))
    .sort((a, b) => a - b);
  if (scores.length === 0) return 0.5;
  const index = Math.floor((1 - recall) * scores.length);
  return Math.max(0.05, Math.min(0.5, Math.floor((scores[index] ?? 0.5) * 100) / 100));
}

function securityProbability(model: RoutingModel, features: Features, yes: number): number {
  let zYes = 0;
  let zNo = 0;
  const no = 1 - yes;
  for (const [name, value] of features) {
    const w = model.security.weights.get(name);
    if (!w) continue;
    zYes += w[yes]! * value;
    zNo += w[no]! * value;
  }
  return 1 / (1 + Math.exp((zNo - zYes) / model.security.temperature));
}

/**
 * A workspace's model: the prior refined on its resolved tickets, pulled back towards the prior (L2 around it)
 * so a few tickets adjust it without erasing it, while many tickets weigh more. Yields to the event loop as it
 * goes so it can run beside request handling.
 */
export async function refineModel(prior: RoutingModel, tickets: LabelledTicket[]): Promise<RoutingModel> {
  if (tickets.length === 0) return prior;
  const rows = featurize(tickets);
  const epochs = tickets.length < 500 ? 10 : 5;
  const options = { epochs, learningRate: 0.3, l2: 1e-3, yieldEvery: 200 };
  const queue = await trainSoftmax(queueExamples(rows.filter((r) => r.t.queue !== SECURITY_QUEUE || r.t.security)), {
    ...options,
    start: prior.queue,
    seed: 3,
  });
  queue.temperature = prior.queue.temperature;
  const security = await trainSoftmax(securityExamples(rows), { ...options, start: prior.security, seed: 4 });
  security.temperature = prior.security.temperature;
  return { queue, security, securityThreshold: prior.securityThreshold, examples: tickets.length };
}
