/**
 * Leave-one-batch-out on the TRAINING corpus (never data/routing/eval/): each hand-written batch is scored by a
 * model trained on all the other batches. Held-out statements (tune-prior.ts) have siblings in training (the
 * same statement in another language, a near miss written beside its incident); a whole batch was written at
 * another time, in other words, so this is closer to text the model never saw. Scores of all batches are pooled.
 * EXCLUDE=ninth,eighth: batches left out of training entirely (to measure what adding one does); SCORE=a,b: only
 * these batches are scored (default: every batch not excluded).
 * Usage: EXCLUDE=ninth npx tsx scripts/routing/tune-batches.ts
 */
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { GROUP_WEIGHT } from "../../server/services/routing/classifier/features.js";
import {
  DEFAULT_PRIOR_SETTINGS,
  type PriorSettings,
  trainPrior,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { readCorpus } from "./train-prior.js";

/** SETTINGS='{"c":0.5,"l2":1e-4}': feature group weights (w, b, c, x) and prior settings to try. */
const tried = JSON.parse(process.env.SETTINGS ?? "{}") as Partial<typeof GROUP_WEIGHT & PriorSettings>;
const settings = { ...DEFAULT_PRIOR_SETTINGS, ...tried };
for (const k of ["w", "b", "c", "x"] as const) if (tried[k] !== undefined) GROUP_WEIGHT[k] = tried[k];
const list = (name: string) => (process.env[name] ?? "").split(",").filter(Boolean);
const excluded = new Set(list("EXCLUDE"));
const corpus = readCorpus(process.env.CORPUS).filter((t) => !excluded.has(t.batch));
const batches = [...new Set(corpus.map((t) => t.batch))].sort();
const scoredBatches = list("SCORE").length > 0 ? list("SCORE") : batches;

const scored: { incident: boolean; queue: string; routed: string; probability: number }[] = [];
const perBatch: string[] = [];
for (const batch of scoredBatches) {
  const train = corpus.filter((t) => t.batch !== batch);
  const held = corpus.filter((t) => t.batch === batch);
  // No calibration: a temperature does not change the order of scores, and the rates below need only the order.
  const model = await trainPrior(train, undefined, settings);
  let right = 0;
  for (const t of held) {
    const c = classify(model, t);
    scored.push({
      incident: t.security,
      queue: t.queue,
      routed: c.ranked[0]!.label,
      probability: c.security.probability,
    });
    if (c.ranked[0]!.label === t.queue) right++;
  }
  perBatch.push(`${batch}: queue model ${pct(right / held.length)} of ${held.length}`);
}
const incidents = scored
  .filter((s) => s.incident)
  .map((s) => s.probability)
  .sort((a, b) => a - b);
const others = scored.filter((s) => !s.incident);
const falseAlarmsAt = (recall: number) => {
  const threshold = incidents[Math.floor(incidents.length * (1 - recall))]!;
  return pct(others.filter((s) => s.probability >= threshold).length / others.length);
};
const right = scored.filter((s) => s.routed === s.queue).length;
console.log(
  `${JSON.stringify(tried)} excluded [${[...excluded]}], scored ${scored.length} tickets (${incidents.length} incidents): queue model ${pct(right / scored.length)}; false alarms at 90 / 95 / 98 % recall ${falseAlarmsAt(0.9)} / ${falseAlarmsAt(0.95)} / ${falseAlarmsAt(0.98)}\n  ${perBatch.join("\n  ")}`,
);

function pct(x: number) {
  return `${(x * 100).toFixed(1)} %`;
}
