/**
 * The development set's security errors for a prior (data/routing/dev/dev.jsonl; never trained on): its false
 * alarms and missed incidents at the prior's threshold, the lowest-scoring incidents (the margin full recall has),
 * and false alarms / misses at other thresholds. For choosing only: no development text goes into the corpus.
 * Usage: [PRIOR=path/prior.json] [LOW=5] [SWEEP=1] npx tsx scripts/routing/dev-errors.ts
 */
import { readFileSync } from "node:fs";
import { classify, modelFromJson } from "../../server/services/routing/classifier/routing-model.js";
import { readSet } from "./dev-set.js";

const model = modelFromJson(JSON.parse(readFileSync(process.env.PRIOR ?? "data/routing/model/prior.json", "utf8")));
const rows = readSet("data/routing/dev/dev.jsonl").map((t) => ({ t, p: classify(model, t).security.probability }));
const th = model.securityThreshold;
const incidents = rows.filter((r) => r.t.security).sort((a, b) => a.p - b.p);
const ordinary = rows.filter((r) => !r.t.security).sort((a, b) => b.p - a.p);
const line = (r: (typeof rows)[number]) =>
  `${r.p.toFixed(3)} [${r.t.workspace} ${r.t.queue}] ${r.t.subject} | ${r.t.description}`;

const alarms = ordinary.filter((r) => r.p >= th);
const missed = incidents.filter((r) => r.p < th);
console.log(`threshold ${th}: ${alarms.length} false alarms, ${missed.length} of ${incidents.length} incidents missed`);
for (const r of alarms) console.log(`false alarm ${line(r)}`);
for (const r of missed) console.log(`missed ${line(r)}`);
for (const r of incidents.slice(0, Number(process.env.LOW ?? 5))) console.log(`lowest incident ${line(r)}`);
if (process.env.SWEEP) {
  for (const t of [0.06, 0.08, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.17, 0.2]) {
    const fa = ordinary.filter((r) => r.p >= t).length;
    const caught = incidents.filter((r) => r.p >= t).length;
    const precision = ((100 * caught) / Math.max(1, caught + fa)).toFixed(1);
    console.log(
      `at ${t.toFixed(2)}: ${fa} false alarms, ${incidents.length - caught} missed, precision ${precision} %`,
    );
  }
}
