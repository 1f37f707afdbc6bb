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
const score = (model: typeof prior, tickets = scoreOn) => {
  let right = 0;
  let flagged = 0;
  let caught = 0;
  for (const t of tickets) {
    const c = classify(model, t);
    if ((c.security.flagged ? "security" : c.ranked.find((r) => r.label !== "security")!.label) === t.queue) right++;
    if (c.security.flagged) flagged++;
    if (c.security.flagged && t.security) caught++;
  }
  return { right, flagged, caught, incidents: tickets.filter((t) => t.security).length, tickets: tickets.length };
};
type Score = ReturnType<typeof score>;
const line = (s: Score) =>
  `queue ${pct(s.right / s.tickets)}, security recall ${pct(s.caught / s.incidents)} (${s.incidents - s.caught} missed) precision ${pct(s.caught / s.flagged)}`;
const add = (a: Score, b: Score): Score => ({
  right: a.right + b.right,
  flagged: a.flagged + b.flagged,
  caught: a.caught + b.caught,
  incidents: a.incidents + b.incidents,
  tickets: a.tickets + b.tickets,
});
const zero: Score = { right: 0, flagged: 0, caught: 0, incidents: 0, tickets: 0 };
console.log(`prior: ${line(score(prior))} (${scoreOn.length} tickets scored)`);
// A workspace's false alarms recur (the same kind of ticket again): also score the other variants of the
// statements its history holds ("seen"), by the prior and by the workspace's model.
const seenOf = (learned: typeof corpus) => {
  const groups = new Set(learned.map((t) => t.group));
  const inHistory = new Set(learned);
  return corpus.filter((t) => groups.has(t.group) && !inHistory.has(t));
};
for (const settings of CANDIDATES) {
  const rows: string[] = [];
  for (const n of [10, 25, 50, 100, 300]) {
    let sum = zero;
    let seenPrior = zero;
    let seen = zero;
    for (const history of histories) {
      const model = await refineModel(prior, history.slice(0, n), settings);
      sum = add(sum, score(model));
      const again = seenOf(history.slice(0, n));
      seenPrior = add(seenPrior, score(prior, again));
      seen = add(seen, score(model, again));
    }
    const alarms = (s: Score) => `${s.flagged - s.caught} false alarms`;
    rows.push(
      `N=${n}: ${line(sum)}\n    seen statements: ${alarms(seenPrior)} -> ${alarms(seen)}, ${seen.incidents - seen.caught} of ${seen.incidents} incidents missed (prior ${seenPrior.incidents - seenPrior.caught})`,
    );
  }
  console.log(`${JSON.stringify(settings)}\n  ${rows.join("\n  ")}`);
}

function pct(x: number) {
  return `${(x * 100).toFixed(1)} %`;
}
