/**
 * Trains the starter routing model on data/routing/train/corpus.jsonl and writes data/routing/model/prior.json.
 * Temperatures come from five-fold cross-validation by statement (variants of one statement never sit on both
 * sides of a fold), then the model is retrained on everything. The security threshold is fixed (`SECURITY_THRESHOLD`);
 * the cross-validation's own pick is printed beside it.
 * Usage: npx tsx scripts/routing/train-prior.ts  (never reads data/routing/eval/)
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { classify, type RoutingModelJson } from "../../server/services/routing/classifier/routing-model.js";
import { bucketOf, fnv } from "../../server/services/routing/classifier/hashing.js";
import {
  bestThreshold,
  type LabelledTicket,
  DEFAULT_PRIOR_SETTINGS,
  type PriorSettings,
  trainPrior,
} from "../../server/services/routing/classifier/train-routing-model.js";
import { serializeModel } from "../../server/services/routing/classifier/softmax.js";

interface CorpusLine extends LabelledTicket {
  group: string;
  batch?: string;
  context?: LabelledTicket & { pageUrl?: string };
}

/** Recall weighs this much more than precision in an F2 pick from held-out scores (printed beside the fixed one). */
export const SECURITY_BETA = 2;

/**
 * The shipped detector flags at this probability, whatever the corpus. Picking it by F2 over cross-validation moved
 * it with every retrain (0.09-0.13 on corpora that differ by one batch, the curve being flat there), and with it
 * the development set's false alarms (9-19), so a batch could not be judged by its scores. 0.12 was chosen on the
 * development set, the how-to check set and the cross-validation together (data/routing/README.md, branch
 * `routing-13u`); `ROUTING_SECURITY_THRESHOLD` builds a candidate at another value.
 */
export const SECURITY_THRESHOLD = Number(process.env.ROUTING_SECURITY_THRESHOLD ?? 0.12);

export function readCorpus(
  path = "data/routing/train/corpus.jsonl",
): (LabelledTicket & { group: string; batch: string })[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line) as CorpusLine & { context?: Record<string, never> };
      const context = (row.context ?? {}) as Partial<LabelledTicket>;
      return {
        group: row.group,
        batch: row.batch ?? "",
        subject: row.subject,
        description: row.description,
        queue: row.queue,
        security: row.security,
        pageUrl: context.pageUrl,
        failedRequests: context.failedRequests,
        consoleErrors: context.consoleErrors,
      };
    });
}

/** The shipped settings; the security blend's candidate (run 12, not shipped) is built with the two variables. */
const SETTINGS: PriorSettings = {
  ...DEFAULT_PRIOR_SETTINGS,
  securityBlend: Number(process.env.ROUTING_SECURITY_BLEND ?? DEFAULT_PRIOR_SETTINGS.securityBlend),
  securityDetectorAlone: Number(process.env.ROUTING_DETECTOR_ALONE ?? DEFAULT_PRIOR_SETTINGS.securityDetectorAlone),
};

/** Statements (groups) go to one of FOLDS folds by a hash of their name: variants never sit on both sides. */
const FOLDS = 5;
export const foldOf = (group: string, seed = 0) => bucketOf(fnv(`${group}:${seed}`)) % FOLDS;

async function main() {
  const corpus = readCorpus();
  const started = performance.now();
  // Five-fold cross-validation: every statement is scored once by a model that never saw it; all scores pooled
  // (one fifth alone gave F2 thresholds from 0.09 to 0.2 depending on the split).
  // `queueRight` lets ROUTING_CV_SCORES compare the queue model on a subset (e.g. the statements before a batch).
  const scored: { incident: boolean; probability: number; queueRight: boolean; batch: string }[] = [];
  const temperatures = { queue: 0, security: 0 };
  let right = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = corpus.filter((t) => foldOf(t.group) !== fold);
    const heldOut = corpus.filter((t) => foldOf(t.group) === fold);
    const model = await trainPrior(train, { heldOut, securityBeta: SECURITY_BETA }, SETTINGS);
    temperatures.queue += model.queue.temperature / FOLDS;
    temperatures.security += model.security.temperature / FOLDS;
    for (const t of heldOut) {
      const c = classify(model, t);
      const queueRight = c.ranked[0]!.label === t.queue;
      scored.push({ incident: t.security, probability: c.security.probability, queueRight, batch: t.batch });
      if (queueRight) right++;
    }
  }
  if (process.env.ROUTING_CV_SCORES) writeFileSync(process.env.ROUTING_CV_SCORES, JSON.stringify(scored));
  const threshold = SECURITY_THRESHOLD;
  const f2 = bestThreshold(scored, SECURITY_BETA);
  const at = (th: number, among = scored) => {
    const flagged = among.filter((s) => s.probability >= th);
    const caught = flagged.filter((s) => s.incident).length;
    const incidents = among.filter((s) => s.incident).length;
    const others = among.length - incidents;
    return `${th}: recall ${pct(caught / incidents)}, precision ${pct(caught / flagged.length)}, false alarms ${pct((flagged.length - caught) / others)}`;
  };
  console.log(
    `5-fold cross-validation (${corpus.length} tickets, each scored by a model that never saw its statement): queue model ${pct(right / corpus.length)}; detector at threshold ${at(threshold)}`,
  );
  console.log(`  (the best F2 over these scores would be ${at(f2)}; not used, see SECURITY_THRESHOLD)`);
  for (const th of [0.05, 0.08, 0.1, 0.11, 0.12, 0.13, 0.15, 0.2, 0.3]) console.log(`  at ${at(th)}`);
  // A new batch judged on the statements before it (`ROUTING_CV_WITHOUT=fourteenth`): its own tickets are easy.
  const without = new Set((process.env.ROUTING_CV_WITHOUT ?? "").split(",").filter(Boolean));
  if (without.size > 0) {
    const older = scored.filter((s) => !without.has(s.batch));
    const queue = pct(older.filter((s) => s.queueRight).length / older.length);
    console.log(`  without ${[...without].join(", ")} (${older.length} tickets): queue model ${queue}`);
    for (const th of [0.08, 0.1, 0.12, 0.15]) console.log(`    at ${at(th, older)}`);
  }
  const full = await trainPrior(corpus, undefined, SETTINGS);
  full.queue.temperature = round2(temperatures.queue);
  full.security.temperature = round2(temperatures.security);
  const json: RoutingModelJson = {
    version: 2,
    trainedOn: corpus.length,
    queue: serializeModel(full.queue),
    security: serializeModel(full.security),
    securityThreshold: threshold,
    securityBlend: full.securityBlend,
    securityDetectorAlone: full.securityDetectorAlone,
  };
  mkdirSync("data/routing/model", { recursive: true });
  const text = JSON.stringify(json);
  writeFileSync("data/routing/model/prior.json", text);
  console.log(
    `trained on ${corpus.length} tickets in ${Math.round(performance.now() - started)} ms (6 models); prior.json ${(text.length / 1e6).toFixed(1)} MB, ${json.queue.buckets.length} queue feature buckets, temperature ${full.queue.temperature}/${full.security.temperature}, threshold ${threshold}`,
  );
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

if (import.meta.url === `file://${process.argv[1]}`) await main();
