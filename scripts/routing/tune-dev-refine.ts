/**
 * Workspace learning settings compared on the development set (data/routing/dev/dev.jsonl), with eval:routing's
 * protocol: learn from N tickets of a workspace (three shuffles), score its other tickets. The security flag is
 * the detector's probability blended with the queue model's security probability (`BLEND`, threshold `TH`).
 * Usage: BLEND=0.5 TH=0.17 npx tsx scripts/routing/tune-dev-refine.ts
 */
import { classify, priorModel } from "../../server/services/routing/classifier/routing-model.js";
import {
  DEFAULT_REFINE_SETTINGS,
  type RefineSettings,
  refineModel,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";
import { readSet } from "./dev-set.js";
import { type SparseVector, vectorOf } from "../../server/services/routing/classifier/features.js";

/** KNN="k,weight,minSim": the ordinary queue also votes by the workspace's most similar resolved tickets. */
const [knnK, knnWeight, knnMin] = (process.env.KNN ?? "0,0,0").split(",").map(Number) as [number, number, number];
const cosine = (a: SparseVector, b: Map<number, number>) => {
  let dot = 0;
  for (let i = 0; i < a.ids.length; i++) dot += a.values[i]! * (b.get(a.ids[i]!) ?? 0);
  return dot;
};
const norm = (v: SparseVector) => {
  let n = 0;
  for (const x of v.values) n += x * x;
  const m = new Map<number, number>();
  v.ids.forEach((id, i) => {
    m.set(id, v.values[i]! / Math.sqrt(n));
  });
  return m;
};

const blend = Number(process.env.BLEND ?? 0);
const prior = priorModel();
const threshold = Number(process.env.TH ?? prior.securityThreshold);
const tickets = readSet(process.env.SET ?? "data/routing/dev/dev.jsonl");

const CANDIDATES: Record<string, Partial<RefineSettings>> = JSON.parse(
  process.env.CANDIDATES ?? '{"shipped":{},"scale1":{"scale":1},"scale2":{"scale":2},"k25":{"k":25}}',
);
for (const [name, change] of Object.entries(CANDIDATES)) {
  const settings = { ...DEFAULT_REFINE_SETTINGS, ...change };
  const cells: string[] = [];
  for (const n of [0, 25, 50, 100]) {
    let right = 0;
    let total = 0;
    let caught = 0;
    let incidents = 0;
    let flagged = 0;
    for (const seed of [1, 2, 3]) {
      for (const workspace of [...new Set(tickets.map((t) => t.workspace))]) {
        const own = shuffle(
          tickets.filter((t) => t.workspace === workspace),
          mulberry32(seed),
        );
        const model = await refineModel(prior, own.slice(0, n), settings);
        const memory = own.slice(0, n).map((t) => ({ v: norm(vectorOf(t)), queue: t.queue }));
        for (const t of own.slice(n)) {
          const c = classify(model, t);
          // QPRIOR: the blend reads the prior's queue model alone (the workspace's cannot talk it out of an incident).
          const ranked = process.env.QPRIOR ? classify(prior, t).ranked : c.ranked;
          const qsec = ranked.find((r) => r.label === "security")?.probability ?? 0;
          const p = (1 - blend) * c.security.probability + blend * qsec;
          const flag = p >= threshold;
          let ordinary = c.ranked.filter((r) => r.label !== "security");
          if (knnK > 0 && memory.length > 0) {
            const x = vectorOf(t);
            const near = memory
              .map((m) => ({ sim: cosine(x, m.v), queue: m.queue }))
              .sort((a, b) => b.sim - a.sim)
              .slice(0, knnK)
              .filter((m) => m.sim >= knnMin && m.queue !== "security");
            const total = near.reduce((sum, m) => sum + m.sim, 0);
            if (total > 0) {
              const mass = ordinary.reduce((sum, r) => sum + r.probability, 0);
              ordinary = ordinary
                .map((r) => ({
                  label: r.label,
                  probability:
                    (1 - knnWeight) * (r.probability / mass) +
                    (knnWeight * near.filter((m) => m.queue === r.label).reduce((sum, m) => sum + m.sim, 0)) / total,
                }))
                .sort((a, b) => b.probability - a.probability);
            }
          }
          const queue = flag ? "security" : ordinary[0]!.label;
          total++;
          if (queue === t.queue) right++;
          if (t.security) incidents++;
          if (flag) flagged++;
          if (flag && t.security) caught++;
        }
      }
    }
    cells.push(
      `${n}: ${((100 * right) / total).toFixed(1)}% r${caught}/${incidents} p${((100 * caught) / flagged).toFixed(1)}`,
    );
  }
  console.log(`${name.padEnd(12)} ${cells.join(" · ")}`);
}
