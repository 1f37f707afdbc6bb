/**
 * Workspace learning ("after N resolved tickets") on the development set, eval:routing's protocol with more
 * shuffles: learn from the first N of a workspace's tickets in a random order, score its other tickets. Prints,
 * per N, the pooled queue accuracy (as eval:routing), its mean and spread over the shuffles, the prior alone on the
 * same tickets (the "after N" sets shrink and change with N, so the gain is the paired difference), and the errors
 * split into false alarms, missed incidents and ordinary tickets in the wrong ordinary queue.
 * Usage: SEEDS=10 CANDIDATES='{"name":{...RefineSettings}}' npx tsx scripts/routing/tune-dev-after.ts
 */
import { classify, priorModel } from "../../server/services/routing/classifier/routing-model.js";
import { routeByModel } from "../../server/services/routing/classifier/route-decision.js";
import {
  DEFAULT_REFINE_SETTINGS,
  type RefineSettings,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { afterNSplits, readSet } from "./dev-set.js";

const prior = priorModel();
const tickets = readSet(process.env.SET ?? "data/routing/dev/dev.jsonl");
const seeds = Array.from({ length: Number(process.env.SEEDS ?? 10) }, (_, i) => i + 1);
const sizes = (process.env.SIZES ?? "25,50,100").split(",").map(Number);
const CANDIDATES: Record<string, Partial<RefineSettings>> = JSON.parse(process.env.CANDIDATES ?? '{"shipped":{}}');

const routed = (model: typeof prior, t: (typeof tickets)[number]) => routeByModel(classify(model, t), 0.7);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const f = (x: number) => (100 * x).toFixed(1);

for (const [name, change] of Object.entries(CANDIDATES)) {
  const settings = { ...DEFAULT_REFINE_SETTINGS, ...change };
  const cells: string[] = [];
  for (const n of sizes) {
    const perSeed: number[] = [];
    const gains: number[] = [];
    let right = 0;
    let total = 0;
    let priorRight = 0;
    let falseAlarms = 0;
    let missed = 0;
    let wrongQueue = 0;
    let flagged = 0;
    let caught = 0;
    for (const seed of seeds) {
      let r = 0;
      let pr = 0;
      let t0 = 0;
      for await (const { model, rest } of afterNSplits(tickets, prior, n, seed, settings)) {
        for (const t of rest) {
          const d = routed(model, t);
          t0++;
          if (d.suggested === t.queue) r++;
          else if (d.security) falseAlarms++;
          else if (t.security) missed++;
          else wrongQueue++;
          if (d.security) flagged++;
          if (d.security && t.security) caught++;
          if (routed(prior, t).suggested === t.queue) pr++;
        }
      }
      perSeed.push(r / t0);
      gains.push((r - pr) / t0);
      right += r;
      priorRight += pr;
      total += t0;
    }
    cells.push(
      `N=${n}: ${f(right / total)} (mean ${f(mean(perSeed))} sd ${f(sd(perSeed))} min ${f(Math.min(...perSeed))}; prior ${f(priorRight / total)}, gain ${f(mean(gains))}±${f(sd(gains))}; FA ${falseAlarms} miss ${missed} queue ${wrongQueue}; prec ${f(caught / flagged)})`,
    );
  }
  console.log(`${name}\n  ${cells.join("\n  ")}`);
}
