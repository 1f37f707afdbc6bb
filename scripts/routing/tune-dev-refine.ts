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
        for (const t of own.slice(n)) {
          const c = classify(model, t);
          // QPRIOR: the blend reads the prior's queue model alone (the workspace's cannot talk it out of an incident).
          const ranked = process.env.QPRIOR ? classify(prior, t).ranked : c.ranked;
          const qsec = ranked.find((r) => r.label === "security")?.probability ?? 0;
          const p = (1 - blend) * c.security.probability + blend * qsec;
          const flag = p >= threshold;
          const queue = flag ? "security" : c.ranked.find((r) => r.label !== "security")!.label;
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
