import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { MetricGroupBy } from "../../../shared/metrics.js";
import { rowsOf } from "../../lib/rows-of.js";
import { cohortFactsWhere, weekKey, type Cohort } from "./metrics-cohort.js";

/**
 * Medians and p90 are exact (percentile_cont over every escalated ticket of the cohort) up to this many escalated
 * tickets. Above it they come from a deterministic ~1/64-step sample of the cohort chosen by ticket id (ticket_facts.sample),
 * read through the partial index (workspace, sample, created_at) WHERE escalated: the work stays near this many rows
 * whatever the workspace's size, and the rank error of a 10k sample is about 1 %.
 */
export const EXACT_PERCENTILE_LIMIT = 10_000;
const SLOTS = 64;

const factGroupKeys: Record<MetricGroupBy, (c: Cohort) => SQL> = {
  queue: () => sql.raw(`coalesce(f.category, '')`),
  agent: () => sql.raw(`coalesce(f.first_agent_id::text, '')`),
  plan: () => sql.raw(`coalesce(f.plan, '')`),
  week: (c) => weekKey(c, sql.raw("f.created_at")),
};

export interface Percentiles {
  tfeMedian: number | null;
  tfeP90: number | null;
  raeMedian: number | null;
  raeP90: number | null;
}
const NONE: Percentiles = { tfeMedian: null, tfeP90: null, raeMedian: null, raeP90: null };

/**
 * Percentiles per group key ('' for the whole cohort without groupBy); sampleSize is null when exact.
 * `scanned`: how many escalated tickets the index scan would read without sampling (the period's, before filters).
 */
export async function cohortPercentiles(
  db: Db,
  cohort: Cohort,
  scanned: number,
  groupBy: MetricGroupBy | null,
): Promise<{ byKey: Map<string, Percentiles>; get: (key: string) => Percentiles; sampleSize: number | null }> {
  const slots =
    scanned <= EXACT_PERCENTILE_LIMIT ? SLOTS : Math.max(1, Math.ceil((SLOTS * EXACT_PERCENTILE_LIMIT) / scanned));
  const sampleList = sql.raw(`array[${Array.from({ length: slots }, (_, i) => i).join(",")}]`);
  const key = groupBy ? factGroupKeys[groupBy](cohort) : sql`''`;
  const pct = (p: number, column: string) => sql.raw(`percentile_cont(${p}) within group (order by f.${column})`);
  const result = await db.execute<{ key: string; n: number } & Record<keyof Percentiles, number | null>>(sql`
    select ${key} as key, count(*)::int as n,
      ${pct(0.5, "ms_to_first_escalation")} as "tfeMedian", ${pct(0.9, "ms_to_first_escalation")} as "tfeP90",
      ${pct(0.5, "ms_resolution_after_escalation")} as "raeMedian", ${pct(0.9, "ms_resolution_after_escalation")} as "raeP90"
    from ticket_facts f
    where ${cohortFactsWhere(cohort)} and f.escalations > 0 and f.sample = any(${sampleList})
    group by 1`);
  const whole = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
  const byKey = new Map<string, Percentiles>();
  let sampled = 0;
  for (const row of rowsOf<{ key: string; n: number } & Record<keyof Percentiles, unknown>>(result)) {
    sampled += Number(row.n);
    byKey.set(row.key, {
      tfeMedian: whole(row.tfeMedian),
      tfeP90: whole(row.tfeP90),
      raeMedian: whole(row.raeMedian),
      raeP90: whole(row.raeP90),
    });
  }
  return { byKey, get: (k) => byKey.get(k) ?? NONE, sampleSize: slots === SLOTS ? null : sampled };
}
