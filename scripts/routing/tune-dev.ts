/**
 * Chooses security-scoring policies with the development set (data/routing/dev/dev.jsonl, never trained on).
 * Each policy combines the detector's probability with the queue model's probability of the security queue; its
 * threshold is chosen without the development set (best F2 over five-fold cross-validation of the training
 * corpus, as `train-prior.ts` does), then the development set says what that policy and threshold do on text of
 * other products. Usage: npx tsx scripts/routing/tune-dev.ts   (CV scores cached in /tmp/routing-cv-scores.json)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { classify, priorModel } from "../../server/services/routing/classifier/routing-model.js";
import { bestThreshold, trainPrior } from "../../server/services/routing/classifier/train-routing-model.js";
import { foldOf, readCorpus, SECURITY_BETA } from "./train-prior.js";
import { readSet } from "./dev-set.js";

interface Scores {
  incident: boolean;
  det: number;
  qsec: number;
}
const CACHE = "/tmp/routing-cv-scores.json";

async function cvScores(): Promise<Scores[]> {
  if (existsSync(CACHE)) return JSON.parse(readFileSync(CACHE, "utf8"));
  const corpus = readCorpus();
  const out: Scores[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const train = corpus.filter((t) => foldOf(t.group) !== fold);
    const heldOut = corpus.filter((t) => foldOf(t.group) === fold);
    const model = await trainPrior(train, { heldOut, securityBeta: SECURITY_BETA });
    for (const t of heldOut) out.push(scoresOf(model, t, t.security));
  }
  writeFileSync(CACHE, JSON.stringify(out));
  return out;
}

function scoresOf(model: ReturnType<typeof priorModel>, t: Parameters<typeof classify>[1], incident: boolean): Scores {
  const c = classify({ ...model, securityBlend: undefined }, t); // the detector alone; policies blend below
  return { incident, det: c.security.probability, qsec: c.ranked.find((r) => r.label === "security")!.probability };
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const POLICIES: Record<string, (s: Scores) => number> = {
  detector: (s) => s.det,
  mean: (s) => (s.det + s.qsec) / 2,
  "logit mean": (s) => sigmoid((logit(s.det) + logit(s.qsec)) / 2),
  "logit 0.75/0.25": (s) => sigmoid(0.75 * logit(s.det) + 0.25 * logit(s.qsec)),
  "logit 0.25/0.75": (s) => sigmoid(0.25 * logit(s.det) + 0.75 * logit(s.qsec)),
  max: (s) => Math.max(s.det, s.qsec),
  min: (s) => Math.min(s.det, s.qsec),
  queue: (s) => s.qsec,
};

function at(scored: { incident: boolean; p: number }[], th: number) {
  const flagged = scored.filter((s) => s.p >= th);
  const caught = flagged.filter((s) => s.incident).length;
  const incidents = scored.filter((s) => s.incident).length;
  return { recall: caught / incidents, precision: caught / flagged.length, caught, incidents, flagged: flagged.length };
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

const cv = await cvScores();
const prior = priorModel();
const dev = readSet("data/routing/dev/dev.jsonl").map((t) => scoresOf(prior, t, t.security));
for (const [name, f] of Object.entries(POLICIES)) {
  const cvScored = cv.map((s) => ({ incident: s.incident, p: f(s) }));
  const devScored = dev.map((s) => ({ incident: s.incident, p: f(s) }));
  const f2 = bestThreshold(
    cvScored.map((s) => ({ incident: s.incident, probability: s.p })),
    SECURITY_BETA,
  );
  const lowestIncident = Math.min(...devScored.filter((s) => s.incident).map((s) => s.p));
  const line = [f2, 0.5 * f2].map((th) => {
    const c = at(cvScored, th);
    const d = at(devScored, th);
    return `th ${th.toFixed(3)}: CV ${pct(c.recall)}/${pct(c.precision)}, dev ${d.caught}/${d.incidents} prec ${pct(d.precision)}`;
  });
  const all = at(devScored, lowestIncident);
  console.log(
    `${name.padEnd(16)} ${line.join(" | ")} | dev at 100% recall: ${all.flagged - all.caught} false alarms (prec ${pct(all.precision)})`,
  );
}

// Sweep: the weighted mean w·detector + (1-w)·queue at several thresholds (CV and development set).
if (process.env.SWEEP) {
  for (const w of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    const f = (s: Scores) => w * s.det + (1 - w) * s.qsec;
    const cvScored = cv.map((s) => ({ incident: s.incident, p: f(s) }));
    const devScored = dev.map((s) => ({ incident: s.incident, p: f(s) }));
    const cells = [0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2].map((th) => {
      const c = at(cvScored, th);
      const d = at(devScored, th);
      return `${th}: CV ${pct(c.recall)}/${pct(c.precision)} dev ${d.caught}/${d.flagged}`;
    });
    const f2 = bestThreshold(
      cvScored.map((s) => ({ incident: s.incident, probability: s.p })),
      SECURITY_BETA,
    );
    const f3 = bestThreshold(
      cvScored.map((s) => ({ incident: s.incident, probability: s.p })),
      3,
    );
    console.log(`w ${w} (F2 ${f2}, F3 ${f3}) ${cells.join(" · ")}`);
  }
}

// Union: the half-half blend at its F2 threshold, or the detector alone above a higher threshold (a multi-topic
// incident the queue model reads as its first topic keeps its flag when the detector is sure).
if (process.env.UNION) {
  for (const [blendTh, detTh] of [
    [0.17, 1],
    [0.17, 0.5],
    [0.17, 0.4],
    [0.17, 0.3],
    [0.17, 0.25],
    [0.17, 0.2],
    [0.15, 0.3],
  ] as const) {
    const flag = (s: Scores) => (s.det + s.qsec) / 2 >= blendTh || s.det >= detTh;
    const c = at(
      cv.map((s) => ({ incident: s.incident, p: flag(s) ? 1 : 0 })),
      1,
    );
    const d = at(
      dev.map((s) => ({ incident: s.incident, p: flag(s) ? 1 : 0 })),
      1,
    );
    console.log(
      `blend >= ${blendTh} or detector >= ${detTh}: CV ${pct(c.recall)}/${pct(c.precision)}, dev ${d.caught}/${d.incidents} with ${d.flagged - d.caught} false alarms (${pct(d.precision)})`,
    );
  }
}
