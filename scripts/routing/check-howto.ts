/**
 * Flag rate of the security detector on data/routing/dev/howto-check.psv: how-to and feature questions that touch
 * security-adjacent features (share links, API keys, SSO, 2FA, roles, audit logs, exports…) and incidents asked
 * as questions. For measuring only: nothing trains on that file. Prints false alarms, missed incidents and the
 * queue accuracy of the ordinary questions.
 * `CHECK=data/routing/dev/nearmiss-check.psv` scores the near-miss check set (same format) instead.
 * Usage: [PRIOR=path/prior.json] [CHECK=path.psv] [THRESHOLD=0.12] [ALL=1] npx tsx scripts/routing/check-howto.ts
 */
import { readFileSync } from "node:fs";
import { classify, modelFromJson } from "../../server/services/routing/classifier/routing-model.js";
import { parseLine } from "./build-dev.js";

const FILE = process.env.CHECK ?? "data/routing/dev/howto-check.psv";
const model = modelFromJson(JSON.parse(readFileSync(process.env.PRIOR ?? "data/routing/model/prior.json", "utf8")));
const rows = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((line) => line.trim() && !line.startsWith("#"))
  .map((line) => {
    const t = parseLine("howto-check", line);
    const ticket = { subject: t.subject, description: t.description, ...t.context };
    const result = classify(model, ticket);
    const top = result.ranked[0]?.label;
    return { t, p: result.security.probability, top };
  });
const th = Number(process.env.THRESHOLD ?? model.securityThreshold);
const ordinary = rows.filter((r) => !r.t.security);
const incidents = rows.filter((r) => r.t.security);
const alarms = ordinary.filter((r) => r.p >= th);
const missed = incidents.filter((r) => r.p < th);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
console.log(`threshold ${th}`);
console.log(`ordinary questions flagged: ${alarms.length}/${ordinary.length} (${pct(alarms.length, ordinary.length)})`);
console.log(`incidents caught: ${incidents.length - missed.length}/${incidents.length}`);
const right = ordinary.filter((r) => r.p < th && r.top === r.t.queue).length;
console.log(`ordinary questions routed to their queue (not flagged): ${right}/${ordinary.length}`);
const line = (r: (typeof rows)[number]) =>
  `${r.p.toFixed(3)} [${r.t.queue}->${r.top}] ${r.t.lang} ${r.t.subject} | ${r.t.description}`;
for (const r of alarms.sort((a, b) => b.p - a.p)) console.log(`false alarm ${line(r)}`);
for (const r of missed) console.log(`missed ${line(r)}`);
for (const r of [...incidents].sort((a, b) => a.p - b.p).slice(0, 3)) console.log(`lowest incident ${line(r)}`);
if (process.env.ALL) for (const r of rows) console.log(`all ${line(r)}`);
