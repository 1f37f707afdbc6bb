/**
 * Compares how a workspace's resolved tickets should add to the prior (settings of refineModel), on the
 * TRAINING corpus only (never data/routing/eval/): a prior trained on four fifths of the statements; the other
 * fifth's statements split in two, a "workspace" learns from N tickets of the first half and is scored on the
 * second half (no statement on both sides); three orders of the first half average out which tickets came first.
 * Usage: CANDIDATES='[{"k":50},{"k":200,"scale":2}]' npx tsx scripts/routing/tune-refine.ts
 */
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";
import {
  DEFAULT_REFINE_SETTINGS,
  type RefineSettings,
  refineModel,
  trainPrior,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { readCorpus, SECURITY_BETA } from "./train-prior.js";

const base = DEFAULT_REFINE_SETTINGS;
const CANDIDATES: RefineSettings[] = (process.env.CANDIDATES ? JSON.parse(process.env.CANDIDATES) : [{}]).map(
  (c: Partial<RefineSettings>) => ({ ...base, ...c }),
);
const corpus = readCorpus();
const random = mulberry32(7);
const heldGroups = new Set([...new Set(corpus.map((t) => t.group))].filter(() => random() < 0.2));
const prior = await trainPrior(
  corpus.filter((t) => !heldGroups.has(t.group)),
  { heldOut: corpus.filter((t) => heldGroups.has(t.group)), securityBeta: SECURITY_BETA },
);
const groups = shuffle([...heldGroups], mulberry32(5));
const learnGroups = new Set(groups.slice(0, groups.length / 2));
const scoreOn = corpus.filter((t) => heldGroups.has(t.group) && !learnGroups.has(t.group));
// Three workspaces' histories: the learning half's tickets in three orders.
const histories = [9, 10, 11].map((seed) =>
  shuffle(
    corpus.filter((t) => learnGroups.has(t.group)),
    mulberry32(seed),
  ),
);
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
  return { right, flagged, caught };
};
const incidents = scoreOn.filter((t) => t.security).length;
const line = (s: { right: number; flagged: number; caught: number }, runs: number) =>
  `queue ${pct(s.right / runs / scoreOn.length)}, security recall ${pct(s.caught / runs / incidents)} precision ${pct(s.caught / s.flagged)}`;
console.log(`prior: ${line(score(prior), 1)} (${scoreOn.length} tickets scored)`);
for (const settings of CANDIDATES) {
  const rows: string[] = [];
  for (const n of [10, 25, 50, 100, 300]) {
    const sum = { right: 0, flagged: 0, caught: 0 };
    for (const history of histories) {
      const s = score(await refineModel(prior, history.slice(0, n), settings));
      sum.right += s.right;
      sum.flagged += s.flagged;
      sum.caught += s.caught;
    }
    rows.push(`N=${n}: ${line(sum, histories.length)}`);
  }
  console.log(`${JSON.stringify(settings)}\n  ${rows.join("\n  ")}`);
}

function pct(x: number) {
  return `${(x * 100).toFixed(1)} %`;
}
