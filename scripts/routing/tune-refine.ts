/**
 * Compares how a workspace's resolved tickets refine the prior, on the TRAINING corpus only (never
 * data/routing/eval/): a prior trained on four fifths of the statements; the other fifth's statements split in
 * two, a "workspace" learns from N tickets of the first half and is scored on the second half (no statement on
 * both sides). Usage: npx tsx scripts/routing/tune-refine.ts
 */
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";
import {
  type RefineSettings,
  refineModel,
  trainPrior,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { readCorpus, SECURITY_BETA } from "./train-prior.js";

const CANDIDATES: RefineSettings[] = [
  { learningRate: 0.3, l2: 1e-3, epochs: 10 },
  { learningRate: 0.1, l2: 1e-3, epochs: 10 },
  { learningRate: 0.3, l2: 1e-2, epochs: 10 },
  { learningRate: 0.3, l2: 1e-3, epochs: 4 },
  { learningRate: 1, l2: 1e-3, epochs: 10 },
];
const corpus = readCorpus();
const random = mulberry32(7);
const heldGroups = new Set([...new Set(corpus.map((t) => t.group))].filter(() => random() < 0.2));
const prior = await trainPrior(
  corpus.filter((t) => !heldGroups.has(t.group)),
  { heldOut: corpus.filter((t) => heldGroups.has(t.group)), securityBeta: SECURITY_BETA },
);
const groups = shuffle([...heldGroups], mulberry32(5));
const learnGroups = new Set(groups.slice(0, groups.length / 2));
const learnFrom = shuffle(
  corpus.filter((t) => learnGroups.has(t.group)),
  mulberry32(9),
);
const scoreOn = corpus.filter((t) => heldGroups.has(t.group) && !learnGroups.has(t.group));
const score = (model: typeof prior) => {
  let right = 0;
  let flagged = 0;
  let caught = 0;
  for (const t of scoreOn) {
    const c = classify(model, t);
    if ((c.security.flagged ? "security" : c.ranked.find((r) => r.label !== "security")!.label) === t.queue) right++;
    if (c.security.flagged) flagged++;
    if (c.security.flagged && t.security) caught++;
  }
  const incidents = scoreOn.filter((t) => t.security).length;
  return `queue ${pct(right / scoreOn.length)}, security recall ${pct(caught / incidents)} precision ${pct(caught / flagged)}`;
};
console.log(`prior: ${score(prior)} (${scoreOn.length} tickets scored)`);
for (const settings of CANDIDATES) {
  const rows: string[] = [];
  for (const n of [25, 100, 300])
    rows.push(`N=${n}: ${score(await refineModel(prior, learnFrom.slice(0, n), settings))}`);
  console.log(`${JSON.stringify(settings)}\n  ${rows.join("\n  ")}`);
}

function pct(x: number) {
  return `${(x * 100).toFixed(1)} %`;
}
