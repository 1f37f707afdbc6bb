/**
 * Compares the queue model's training settings (L2, epochs, learning rate, feature-group weights) on five-fold
 * cross-validation of the training corpus by statement and on the development set (never data/routing/eval/):
 *   CV:  share of tickets whose first label is their queue (security included, as train-prior.ts prints it);
 *   dev: share of ordinary tickets whose best ordinary label is their queue (incidents are the detector's).
 * Usage: CANDIDATES=base,l2-3e-5 npx tsx scripts/routing/tune-queue.ts   (all when unset)
 */
import { GROUP_WEIGHT, type SparseVector, vectorOf } from "../../server/services/routing/classifier/features.js";
import { predict, trainSoftmax } from "../../server/services/routing/classifier/softmax.js";
import { readSet } from "./dev-set.js";
import { foldOf, readCorpus } from "./train-prior.js";

interface Candidate {
  groups?: Partial<typeof GROUP_WEIGHT>;
  epochs?: number;
  learningRate?: number;
  l2?: number;
}
const CANDIDATES: Record<string, Candidate> = {
  base: {},
  "l2-1e-6": { l2: 1e-6 },
  "l2-3e-5": { l2: 3e-5 },
  "l2-1e-4": { l2: 1e-4 },
  "epochs-6": { epochs: 6 },
  "epochs-24": { epochs: 24 },
  "lr-0.25": { learningRate: 0.25 },
  "lr-1": { learningRate: 1 },
  "words-0.7": { groups: { w: 0.7 } },
  "words-1.4": { groups: { w: 1.4 } },
  "words-0.8": { groups: { w: 0.8 } },
  "words-0.6": { groups: { w: 0.6 } },
  "chars-0.6": { groups: { c: 0.6 } },
  "chars-1.2": { groups: { c: 1.2 } },
  "bigrams-1.6": { groups: { b: 1.6 } },
  "context-0.6": { groups: { x: 0.6 } },
};

const corpus = readCorpus();
const dev = readSet("data/routing/dev/dev.jsonl");
const baseGroups = { ...GROUP_WEIGHT };
type Row = { x: SparseVector; queue: string; incident: boolean; fold: number };

function featurized(groups: Partial<typeof GROUP_WEIGHT> = {}) {
  Object.assign(GROUP_WEIGHT, baseGroups, groups);
  const train: Row[] = corpus.map((t) => ({
    x: vectorOf(t),
    queue: t.queue,
    incident: t.security,
    fold: foldOf(t.group),
  }));
  const devRows: Row[] = dev.map((t) => ({ x: vectorOf(t), queue: t.queue, incident: t.security, fold: -1 }));
  Object.assign(GROUP_WEIGHT, baseGroups);
  return { train, dev: devRows };
}

const train = (rows: Row[], c: Candidate) =>
  trainSoftmax(
    rows.map((r) => ({ features: r.x, label: r.queue })),
    { epochs: c.epochs ?? 12, learningRate: c.learningRate ?? 0.5, l2: c.l2 ?? 1e-5, seed: 1 },
  );
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

for (const name of process.env.CANDIDATES?.split(",") ?? Object.keys(CANDIDATES)) {
  const c = CANDIDATES[name];
  if (!c) throw new Error(`unknown candidate ${name}`);
  const rows = featurized(c.groups);
  let right = 0;
  for (let fold = 0; fold < 5; fold++) {
    const m = await train(
      rows.train.filter((r) => r.fold !== fold),
      c,
    );
    for (const r of rows.train) if (r.fold === fold && predict(m, r.x)[0]!.label === r.queue) right++;
  }
  const started = performance.now();
  const full = await train(rows.train, c);
  const ms = performance.now() - started;
  const ordinary = rows.dev.filter((r) => !r.incident);
  const devRight = ordinary.filter((r) => predict(full, r.x).find((p) => p.label !== "security")!.label === r.queue);
  console.log(
    `${name.padEnd(12)} CV queue ${pct(right / rows.train.length)} · dev ordinary queue ${pct(devRight.length / ordinary.length)} (${devRight.length}/${ordinary.length}) · full training ${(ms / 1000).toFixed(1)} s`,
  );
}
