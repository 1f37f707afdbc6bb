/**
 * Trains the starter routing model on data/routing/train/corpus.jsonl and writes data/routing/model/prior.json.
 * Temperature and the security threshold are fitted on a held-out fifth of the corpus (split by statement, so
 * variants of one statement never sit on both sides), then the model is retrained on everything.
 * Usage: npx tsx scripts/routing/train-prior.ts  (never reads data/routing/eval/)
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { classify, type RoutingModelJson } from "../../server/services/routing/classifier/routing-model.js";
import { type LabelledTicket, trainPrior } from "../../server/services/routing/classifier/train-routing-model.js";
import { mulberry32, serializeModel } from "../../server/services/routing/classifier/softmax.js";

interface CorpusLine extends LabelledTicket {
  group: string;
  context?: LabelledTicket & { pageUrl?: string };
}

/** Recall weighs this much more than precision when the detector's threshold is chosen. */
export const SECURITY_BETA = 2;

export function readCorpus(path = "data/routing/train/corpus.jsonl"): (LabelledTicket & { group: string })[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line) as CorpusLine & { context?: Record<string, never> };
      const context = (row.context ?? {}) as Partial<LabelledTicket>;
      return {
        group: row.group,
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

async function main() {
  const corpus = readCorpus();
  const random = mulberry32(7);
  const heldGroups = new Set([...new Set(corpus.map((t) => t.group))].filter(() => random() < 0.2));
  const train = corpus.filter((t) => !heldGroups.has(t.group));
  const heldOut = corpus.filter((t) => heldGroups.has(t.group));
  const started = performance.now();
  const split = await trainPrior(train, { heldOut, securityBeta: SECURITY_BETA });
  let right = 0;
  let caught = 0;
  let flagged = 0;
  let incidents = 0;
  for (const t of heldOut) {
    const c = classify(split, t);
    const queue = c.security.flagged ? "security" : c.ranked[0]!.label;
    if (queue === t.queue) right++;
    if (t.security) incidents++;
    if (c.security.flagged) flagged++;
    if (t.security && c.security.flagged) caught++;
  }
  console.log(
    `held-out fifth of the corpus (${heldOut.length} tickets): queue ${pct(right / heldOut.length)}, security recall ${pct(caught / incidents)} precision ${pct(caught / flagged)}; temperature ${split.queue.temperature}/${split.security.temperature}, threshold ${split.securityThreshold}`,
  );
  const full = await trainPrior(corpus);
  full.queue.temperature = split.queue.temperature;
  full.security.temperature = split.security.temperature;
  const json: RoutingModelJson = {
    version: 2,
    trainedOn: corpus.length,
    queue: serializeModel(full.queue),
    security: serializeModel(full.security),
    securityThreshold: split.securityThreshold,
  };
  mkdirSync("data/routing/model", { recursive: true });
  const text = JSON.stringify(json);
  writeFileSync("data/routing/model/prior.json", text);
  console.log(
    `trained on ${corpus.length} tickets in ${Math.round(performance.now() - started)} ms; prior.json ${(text.length / 1e6).toFixed(1)} MB, ${json.queue.buckets.length} queue feature buckets`,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

if (import.meta.url === `file://${process.argv[1]}`) await main();
