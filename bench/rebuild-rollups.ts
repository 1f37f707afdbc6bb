/** Recounts every workspace's metrics rollups from ticket_facts (after a rollup format change): tsx bench/rebuild-rollups.ts DATABASE_URL */
import { sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client.js";
import { rowsOf } from "../server/lib/rows-of.js";
import { rebuildRollups } from "../server/services/metrics/metrics-rollups.js";

const { db, close } = await openDatabase({ databaseUrl: process.argv[2] });
for (const { id } of rowsOf<{ id: string }>(await db.execute(sql`select id from workspaces`))) {
  const started = performance.now();
  await db.transaction((tx) => rebuildRollups(tx as never, id));
  console.log(`${id}: ${Math.round(performance.now() - started)} ms`);
}
await db.execute(
  sql`vacuum analyze metrics_daily, metrics_agent_daily, metrics_escalation_daily, metrics_signal_daily, metrics_signal_customers, ticket_facts`,
);
await close();
