import { sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import type { Database } from "../db/client.js";
import { rowsOf } from "../lib/rows-of.js";
import { dbPoolSize, registry } from "./metrics.js";

/** Pool size of this process, and at scrape time the connections to this database by state (all processes). */
export function registerDatabaseMetrics(database: Database, poolMax: number) {
  dbPoolSize.set(poolMax);
  if (database.kind !== "postgres" || registry.getSingleMetric("handoff_db_connections")) return;
  new Gauge({
    name: "handoff_db_connections",
    help: "Connections to Handoff's database by state (idle, active, idle in transaction), all processes",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ state: string | null; n: number }>(
        await database.db.execute(
          sql`select state, count(*)::int as n from pg_stat_activity where datname = current_database() group by state`,
        ),
      );
      for (const row of rows) this.set({ state: row.state ?? "unknown" }, row.n);
    },
  });
}
