/**
 * Dashboard query times on seeded PostgreSQL databases, e.g.
 *   npm run seed:demo -- --tickets 100000 --workspaces 1   (DATABASE_URL=…/bench_100k), the same with 1000000
 *   tsx bench/metrics.ts postgres://…/bench_100k postgres://…/bench_1m
 * For each database: its largest workspace (all N tickets with --workspaces 1), the dashboard's default period
 * (12 weeks) and a full year, with and without grouping, the insights, a drill-down page and the first CSV rows.
 * Median of 7 runs after one warm-up; then the growth ratio between the first and the last database. The seed ends
 * with VACUUM ANALYZE (as autovacuum would on a live database), so the covering indexes are read index-only.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client.js";
import { exportEscalationAudit } from "../server/services/escalation/export-escalation-audit.js";
import { getEscalationInsights } from "../server/services/metrics/get-escalation-insights.js";
import { getEscalationMetrics } from "../server/services/metrics/get-escalation-metrics.js";
import { rowsOf } from "../server/lib/rows-of.js";
import { listMetricTickets } from "../server/services/metrics/list-metric-tickets.js";
import { systemActor } from "../server/access/actor.js";

const urls = process.argv.slice(2);
if (urls.length === 0) throw new Error("usage: tsx bench/metrics.ts DATABASE_URL [DATABASE_URL…]");

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

const results: { url: string; tickets: number; workspace: number; times: Record<string, number> }[] = [];
for (const url of urls) {
  const { db, close } = await openDatabase({ databaseUrl: url });
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tickets`));
  const [largest] = rowsOf<{ id: string; n: number }>(
    await db.execute(
      sql`select workspace_id as id, count(*)::int as n from tickets group by 1 order by 2 desc limit 1`,
    ),
  );
  const actor = systemActor(largest!.id);
  const query = {};
  const year = { from: new Date(Date.now() - 365 * 86_400_000).toISOString() };
  const times: Record<string, number> = {
    "metrics (12 weeks)": await median(() => getEscalationMetrics(db, { actor, query })),
    "metrics grouped by week": await median(() => getEscalationMetrics(db, { actor, query: { groupBy: "week" } })),
    "metrics grouped by agent": await median(() => getEscalationMetrics(db, { actor, query: { groupBy: "agent" } })),
    "metrics, one category": await median(() => getEscalationMetrics(db, { actor, query: { queue: "exports" } })),
    "metrics (year)": await median(() => getEscalationMetrics(db, { actor, query: year })),
    "metrics (year) by category": await median(() =>
      getEscalationMetrics(db, { actor, query: { ...year, groupBy: "queue" } }),
    ),
    insights: await median(() => getEscalationInsights(db, { actor, query })),
    "insights (year)": await median(() => getEscalationInsights(db, { actor, query: year })),
    "drill-down page": await median(() => listMetricTickets(db, { actor, query: { metric: "escalated", limit: 50 } })),
    "audit CSV, first 2000 rows": await median(async () => {
      const reader = (await exportEscalationAudit(db, { actor, query })).getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    }),
  };
  results.push({ url: new URL(url).pathname.slice(1), tickets: count!.n, workspace: largest!.n, times });
  await close();
}

for (const r of results) {
  console.log(
    `\n${r.url}: ${r.tickets.toLocaleString("en")} tickets, largest workspace ${r.workspace.toLocaleString("en")}`,
  );
  for (const [name, ms] of Object.entries(r.times)) console.log(`  ${name.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms`);
}
if (results.length > 1) {
  const [a, b] = [results[0]!, results[results.length - 1]!];
  console.log(`\ngrowth ${a.url} -> ${b.url} (${(b.tickets / a.tickets).toFixed(1)}x tickets):`);
  for (const name of Object.keys(a.times))
    console.log(`  ${name.padEnd(28)} ${(b.times[name]! / a.times[name]!).toFixed(2)}x`);
}
process.exit(0);
