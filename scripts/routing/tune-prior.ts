/**
 * Compares training settings of the starter model on held-out statements of the TRAINING corpus (never on
 * data/routing/eval/): for each setting and split, the queue accuracy of the routed queue and the detector's
 * false-alarm rate among non-incidents at a fixed 95 % recall. The shipped settings are chosen from this output.
 * Usage: npx tsx scripts/routing/tune-prior.ts
 */
import { readFileSync } from "node:fs";
import { GROUP_WEIGHT } from "../../server/services/routing/classifier/features.js";
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { type PriorSettings, trainPrior } from "../../server/services/routing/classifier/train-routing-model.js";
import { bucketOf, FEATURE_DIM, fnv } from "../../server/services/routing/classifier/hashing.js";
import { readCorpus, SECURITY_BETA } from "./train-prior.js";

const corpus = readCorpus(process.env.CORPUS);
/** SCORE_GROUPS=file: score only these statements' tickets (e.g. the older corpus, to measure what new data adds). */
const scoreOnly = process.env.SCORE_GROUPS
  ? new Set(readFileSync(process.env.SCORE_GROUPS, "utf8").split("\n").filter(Boolean))
  : null;
const CANDIDATES: (PriorSettings & { charWeight: number; bigramWeight?: number; wordWeight?: number })[] = process.env
  .TUNE_CANDIDATES
  ? JSON.parse(process.env.TUNE_CANDIDATES)
  : [{ epochs: 12, l2: 1e-5, positiveWeight: 1, charWeight: 0.9, bigramWeight: 1 }];
const SPLITS = [7, 21, 33, 45];

for (const settings of CANDIDATES) {
  GROUP_WEIGHT.c = settings.charWeight;
  GROUP_WEIGHT.b = settings.bigramWeight ?? 0.5;
  GROUP_WEIGHT.w = settings.wordWeight ?? 1;

  const rows: string[] = [];
  let combinedSum = 0;
  let queueSum = 0;
  let fprSum = 0;
  for (const seed of SPLITS) {
    // A statement is held out by a hash of its group name, so adding statements does not reshuffle the split.
    const held = (group: string) => bucketOf(fnv(`${group}:${seed}`)) / FEATURE_DIM < 0.2;
    const train = corpus.filter((t) => !held(t.group));
    const heldOut = corpus.filter((t) => held(t.group) && (!scoreOnly || scoreOnly.has(t.group)));
    const model = await trainPrior(train, { heldOut, securityBeta: SECURITY_BETA }, settings);
    const scored = heldOut.map((t) => ({ t, c: classify(model, t) }));
    const right = scored.filter(({ t, c }) => (c.security.flagged ? "security" : c.ranked[0]!.label) === t.queue);
    const incidents = scored.filter((s) => s.t.security).map((s) => s.c.security.probability);
    incidents.sort((a, b) => a - b);
    const at95 = incidents[Math.floor(incidents.length * 0.05)]!;
    const others = scored.filter((s) => !s.t.security);
    const fpr = others.filter((s) => s.c.security.probability >= at95).length / others.length;
    const flagged = scored.filter((s) => s.c.security.flagged);
    // The detector and the queue model's own "security" probability together (geometric mean).
    const both = (c: (typeof scored)[number]["c"]) =>
      Math.sqrt(c.security.probability * (c.ranked.find((r) => r.label === "security")?.probability ?? 0));
    const combined = scored.filter((s) => s.t.security).map((s) => both(s.c));
    combined.sort((a, b) => a - b);
    const combinedAt95 = combined[Math.floor(combined.length * 0.05)]!;
    combinedSum += others.filter((s) => both(s.c) >= combinedAt95).length / others.length;
    queueSum += right.length / heldOut.length;
    fprSum += fpr;
    rows.push(
      `split ${seed}: queue ${pct(right.length / heldOut.length)}, false alarms at 95 % recall ${pct(fpr)}; at threshold ${model.securityThreshold}: recall ${pct(flagged.filter((s) => s.t.security).length / incidents.length)}, false alarms ${pct(flagged.filter((s) => !s.t.security).length / others.length)}`,
    );
  }
  console.log(
    `${JSON.stringify(settings)}: mean queue ${pct(queueSum / SPLITS.length)}, mean false alarms at 95 % recall ${pct(fprSum / SPLITS.length)} (detector with the queue model: ${pct(combinedSum / SPLITS.length)})\n  ${rows.join("\n  ")}`,
  );
}

function pct(x: number) {
  return `${(x * 100).toFixed(1)} %`;
}
