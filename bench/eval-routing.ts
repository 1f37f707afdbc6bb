/**
 * `npm run eval:routing`: scores routing on the held-out evaluation set (data/routing/eval/eval.jsonl) — it only
 * reads it to score, nothing here trains on it except the per-workspace "after N resolved" simulation, which
 * learns from N tickets of a workspace and scores the rest, as a workspace would.
 * Prints queue accuracy, per-queue recall/precision, a confusion matrix, security recall/precision, calibration,
 * auto-route share at the confidence threshold, latency, and the after-N-resolved curve.
 */
import os from "node:os";
import { classify, priorModel, type RoutingModel } from "../server/services/routing/classifier/routing-model.js";
import { refineModel } from "../server/services/routing/classifier/train-routing-model.js";
import { routeByModel } from "../server/services/routing/classifier/route-decision.js";
import { readCorpus } from "../scripts/routing/train-prior.js";
import { afterNSplits, readSet, type SetTicket } from "../scripts/routing/dev-set.js";

type EvalTicket = SetTicket;

const QUEUES = ["billing", "account", "technical", "general", "security"];
const THRESHOLD = 0.7;

/** `npm run dev:routing` passes the development set (data/routing/dev/dev.jsonl), the one for choosing settings. */
const SET = process.argv[2] ?? "data/routing/eval/eval.jsonl";

const readEval = (): EvalTicket[] => readSet(SET);

interface Scored {
  t: EvalTicket;
  queue: string;
  confidence: number;
  flagged: boolean;
  routed: boolean;
}

function score(model: RoutingModel, tickets: EvalTicket[]): Scored[] {
  return tickets.map((t) => {
    const decision = routeByModel(classify(model, t), THRESHOLD);
    return {
      t,
      queue: decision.suggested,
      confidence: decision.confidence,
      flagged: decision.security,
      routed: decision.routed,
    };
  });
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)} %`);

function report(title: string, rows: Scored[]) {
  const right = rows.filter((r) => r.queue === r.t.queue).length;
  console.log(`\n## ${title}: ${rows.length} tickets`);
  console.log(`queue accuracy (first suggestion)       ${pct(right, rows.length)}`);
  const routed = rows.filter((r) => r.routed);
  const routedRight = routed.filter((r) => r.queue === r.t.queue).length;
  console.log(
    `routed without a human (conf >= ${THRESHOLD} or security) ${pct(routed.length, rows.length)}, right ${pct(routedRight, routed.length)}; first-time-right overall ${pct(routedRight, rows.length)}`,
  );
  const incidents = rows.filter((r) => r.t.security);
  const flagged = rows.filter((r) => r.flagged);
  const caught = incidents.filter((r) => r.flagged).length;
  console.log(
    `security: recall ${pct(caught, incidents.length)} (${caught}/${incidents.length}), precision ${pct(caught, flagged.length)} (${caught}/${flagged.length})`,
  );
  console.log("per queue:      recall   precision");
  for (const q of QUEUES) {
    const actual = rows.filter((r) => r.t.queue === q);
    const predicted = rows.filter((r) => r.queue === q);
    const hit = actual.filter((r) => r.queue === q).length;
    console.log(`  ${q.padEnd(10)} ${pct(hit, actual.length)}  ${pct(hit, predicted.length)}`);
  }
  console.log(`confusion (row = label, column = routed): ${QUEUES.map((q) => q.slice(0, 5).padStart(6)).join("")}`);
  for (const q of QUEUES) {
    const cells = QUEUES.map((p) => String(rows.filter((r) => r.t.queue === q && r.queue === p).length).padStart(6));
    console.log(`  ${q.padEnd(40)}${cells.join("")}`);
  }
  for (const lang of ["en", "de", "fr"]) {
    const sub = rows.filter((r) => r.t.lang === lang);
    console.log(`  ${lang}: ${pct(sub.filter((r) => r.queue === r.t.queue).length, sub.length)} of ${sub.length}`);
  }
  console.log("calibration (confidence bin: share of tickets, accuracy):");
  let ece = 0;
  for (let low = 0.2; low < 1; low += 0.2) {
    const bin = rows.filter((r) => r.confidence >= low && r.confidence < low + 0.2 + (low > 0.79 ? 0.01 : 0));
    if (bin.length === 0) continue;
    const acc = bin.filter((r) => r.queue === r.t.queue).length / bin.length;
    const mean = bin.reduce((s, r) => s + r.confidence, 0) / bin.length;
    ece += (bin.length / rows.length) * Math.abs(acc - mean);
    console.log(
      `  ${low.toFixed(1)}-${(low + 0.2).toFixed(1)}: ${pct(bin.length, rows.length)}, accuracy ${pct(acc, 1)}, mean confidence ${pct(mean, 1)}`,
    );
  }
  console.log(`  expected calibration error ${(ece * 100).toFixed(1)} points`);
}

/**
 * "After N": each workspace's tickets in a random order (one order per seed); learn from the first N, score the
 * rest. The rest shrinks and changes with N (at N = 100 only workspaces with more than 100 tickets count), so each
 * row also scores the shipped prior alone on the same tickets: the difference is what learning changed, the rest
 * is which tickets were left. Queue accuracy is pooled over seeds (as before) and given per seed (mean, spread).
 */
async function afterN(tickets: EvalTicket[], prior: RoutingModel, sizes: number[], seeds: number[]) {
  console.log("\n## after N resolved tickets per workspace (learn from N of a workspace, score its other tickets)");
  const spread = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return `${(100 * mean).toFixed(1)} ± ${(100 * sd).toFixed(1)}`;
  };
  for (const n of sizes) {
    let right = 0;
    let priorRight = 0;
    let total = 0;
    let caught = 0;
    let incidents = 0;
    let flagged = 0;
    let trainMs = 0;
    const perSeed: number[] = [];
    const gains: number[] = [];
    let learned = 0;
    for (const seed of seeds) {
      let seedRight = 0;
      let seedPrior = 0;
      let seedTotal = 0;
      for await (const { model, rest, learnMs } of afterNSplits(tickets, prior, n, seed)) {
        trainMs += learnMs;
        learned++;
        const alone = score(prior, rest);
        score(model, rest).forEach((r, i) => {
          seedTotal++;
          if (r.queue === r.t.queue) seedRight++;
          if (alone[i]!.queue === r.t.queue) seedPrior++;
          if (r.t.security) incidents++;
          if (r.flagged) flagged++;
          if (r.flagged && r.t.security) caught++;
        });
      }
      right += seedRight;
      priorRight += seedPrior;
      total += seedTotal;
      if (seedTotal > 0) {
        perSeed.push(seedRight / seedTotal);
        gains.push((seedRight - seedPrior) / seedTotal);
      }
    }
    console.log(
      `  N=${String(n).padStart(3)}: queue ${pct(right, total)} (per shuffle ${spread(perSeed)} %; the prior alone on the same tickets ${pct(priorRight, total)}, learning ${spread(gains)} points), security recall ${pct(caught, incidents)} precision ${pct(caught, flagged)} (${seeds.length} shuffles, ${learned / seeds.length} workspaces with more than ${n} tickets, ${total} tickets scored, ${Math.round(trainMs / Math.max(1, learned))} ms to learn)`,
    );
  }
}

/** Wall time per classification, and the process's CPU time per classification (what the model costs, without
 * the time the scheduler gives other processes on a shared machine). */
function latency(model: RoutingModel, tickets: EvalTicket[]) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const t of tickets) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      routeByModel(classify(model, t), THRESHOLD);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const at = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  };
  console.log(
    `\nlatency per ticket (features + both models, ${times.length} calls): wall p50 ${at(times, 0.5)} ms, p99 ${at(times, 0.99)} ms; CPU p50 ${at(cpu, 0.5)} ms, p99 ${at(cpu, 0.99)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
}

const tickets = readEval();
console.log(`scoring ${SET}`);
const loadStarted = performance.now();
const prior = priorModel();
console.log(`prior model loaded in ${Math.round(performance.now() - loadStarted)} ms`);
report("cold start (shipped prior, no workspace history)", score(prior, tickets));
latency(prior, tickets);
// Ten shuffles: with about 30 tickets left per workspace at N = 100, one order moves the figure by points.
await afterN(
  tickets,
  prior,
  [0, 25, 50, 100],
  Array.from({ length: Number(process.env.ROUTING_SHUFFLES ?? 10) }, (_, i) => i + 1),
);

// Training time at scale, on the training corpus repeated to 10,000 tickets (no evaluation text involved).
const corpus = readCorpus();
const tenThousand = Array.from({ length: 10_000 }, (_, i) => corpus[i % corpus.length]!);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const trainStarted = performance.now();
const trainCpu = cpuMs();
await refineModel(prior, tenThousand);
console.log(
  `\nrefining the prior on 10,000 resolved tickets: ${Math.round(performance.now() - trainStarted)} ms wall, ${Math.round(cpuMs() - trainCpu)} ms CPU (off the request path, yielding every 200 tickets); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
);
