/**
 * Prior training settings compared on the development set (never trained on): each variant is trained on four
 * fifths of the corpus (temperatures fitted on the fifth held out) and scored on data/routing/dev/dev.jsonl:
 * queue model accuracy, and the false alarms each security score needs to catch every development incident
 * (and all but one), for the detector alone and blended half-half with the queue model's security probability.
 * Usage: VARIANTS='{"base":{},"pos2":{"positiveWeight":2}}' npx tsx scripts/routing/tune-dev-prior.ts
 */
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { GROUP_WEIGHT } from "../../server/services/routing/classifier/features.js";
import {
  DEFAULT_PRIOR_SETTINGS,
  type PriorSettings,
  trainPrior,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { foldOf, readCorpus, SECURITY_BETA } from "./train-prior.js";
import { readSet } from "./dev-set.js";

const corpus = readCorpus();
const dev = readSet("data/routing/dev/dev.jsonl");
const base = { ...GROUP_WEIGHT };
const variants = JSON.parse(process.env.VARIANTS ?? '{"base":{}}') as Record<
  string,
  Partial<PriorSettings & typeof GROUP_WEIGHT>
>;

/** False alarms at the threshold that still catches all but `missed` incidents. */
function falseAlarms(scored: { incident: boolean; p: number }[], missed: number) {
  const incidents = scored
    .filter((s) => s.incident)
    .map((s) => s.p)
    .sort((a, b) => a - b);
  const th = incidents[missed]!;
  return scored.filter((s) => !s.incident && s.p >= th).length;
}

for (const [name, v] of Object.entries(variants)) {
  Object.assign(GROUP_WEIGHT, base, v);
  const settings = { ...DEFAULT_PRIOR_SETTINGS, ...v };
  const train = corpus.filter((t) => foldOf(t.group) !== 0);
  const heldOut = corpus.filter((t) => foldOf(t.group) === 0);
  const model = await trainPrior(train, { heldOut, securityBeta: SECURITY_BETA }, settings);
  let right = 0;
  const det: { incident: boolean; p: number }[] = [];
  const mean: { incident: boolean; p: number }[] = [];
  for (const t of dev) {
    const c = classify({ ...model, securityBlend: undefined }, t);
    const qsec = c.ranked.find((r) => r.label === "security")!.probability;
    const ordinary = c.ranked.find((r) => r.label !== "security")!.label;
    if ((t.security ? "security" : t.queue) === (t.security ? "security" : ordinary)) right++;
    det.push({ incident: t.security, p: c.security.probability });
    mean.push({ incident: t.security, p: (c.security.probability + qsec) / 2 });
  }
  console.log(
    `${name.padEnd(12)} ordinary queue ${((100 * right) / dev.length).toFixed(1)}% · false alarms to catch all/all but 1/all but 2: detector ${[0, 1, 2].map((m) => falseAlarms(det, m)).join("/")}, mean ${[0, 1, 2].map((m) => falseAlarms(mean, m)).join("/")}`,
  );
}
