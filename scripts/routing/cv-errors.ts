/**
 * Lists the detector's errors in five-fold cross-validation of the TRAINING corpus (never data/routing/eval/):
 * every statement scored by a model that never saw it, at the pooled F2 threshold as train-prior.ts chooses it.
 * Prints, per statement, how many of its tickets were false alarms (or missed incidents) and one of them, so the
 * next hand-written batch can aim at the kinds of tickets the model gets wrong.
 * Usage: npx tsx scripts/routing/cv-errors.ts [max statements per list, default 80]
 */
import { classify } from "../../server/services/routing/classifier/routing-model.js";
import { bestThreshold, trainPrior } from "../../server/services/routing/classifier/train-routing-model.js";
import { foldOf, readCorpus, SECURITY_BETA } from "./train-prior.js";

const corpus = readCorpus();
const limit = Number(process.argv[2] ?? 80);
const scored: { t: (typeof corpus)[number]; probability: number; queue: string }[] = [];
for (let fold = 0; fold < 5; fold++) {
  const model = await trainPrior(
    corpus.filter((t) => foldOf(t.group) !== fold),
    { heldOut: corpus.filter((t) => foldOf(t.group) === fold), securityBeta: SECURITY_BETA },
  );
  for (const t of corpus.filter((t) => foldOf(t.group) === fold)) {
    const c = classify(model, t);
    scored.push({ t, probability: c.security.probability, queue: c.ranked[0]!.label });
  }
}
const threshold = bestThreshold(
  scored.map((s) => ({ incident: s.t.security, probability: s.probability })),
  SECURITY_BETA,
);
const byGroup = (rows: typeof scored) => {
  const groups = new Map<string, typeof scored>();
  for (const r of rows) groups.set(r.t.group, [...(groups.get(r.t.group) ?? []), r]);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
};
const show = (title: string, rows: typeof scored) => {
  const groups = byGroup(rows);
  console.log(`\n${title}: ${rows.length} tickets from ${groups.length} statements`);
  for (const [group, list] of groups.slice(0, limit)) {
    const r = list[0]!;
    console.log(`${group} ×${list.length} p=${r.probability.toFixed(2)} | ${r.t.subject} | ${r.t.description}`);
  }
};
const falseAlarms = scored.filter((s) => !s.t.security && s.probability >= threshold);
const missed = scored.filter((s) => s.t.security && s.probability < threshold);
const perQueue: Record<string, number> = {};
for (const s of falseAlarms) perQueue[s.t.queue] = (perQueue[s.t.queue] ?? 0) + 1;
console.log(`threshold ${threshold}; false alarms per queue`, perQueue);
show("false alarms", falseAlarms);
show("missed incidents", missed);
const wrongQueue = scored.filter((s) => !s.t.security && s.queue !== s.t.queue);
const confusions: Record<string, number> = {};
for (const s of wrongQueue) confusions[`${s.t.queue}->${s.queue}`] = (confusions[`${s.t.queue}->${s.queue}`] ?? 0) + 1;
console.log("\nqueue model confusions (ordinary tickets):", confusions);
