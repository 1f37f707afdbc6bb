import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { metricsEscalationDaily, ticketFacts as f } from "../../db/schema-metrics.js";
import { rowsOf } from "../../lib/rows-of.js";
import { utcDay } from "./metrics-rollups.js";
import { weekRange, type Insights, type MetricsFilter } from "../../../shared/metrics.js";
import { addDays, dateIn, startOfDate } from "../../../shared/time-zone.js";
import { factsWhere } from "./metrics-filters.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";
import { topSignalValues, type SignalPeriod } from "./top-signal-values.js";

const TRAILING_WEEKS = 8;
/** A spike: z >= 3 against the trailing 8 weeks. */
export const SPIKE_Z = 3;
/** A flat history has no spread: below one escalation a week of spread, one is assumed, so 0 -> 1 is not an alert. */
const MIN_STDDEV = 1;
/** Too few escalations to call anything a spike. */
const MIN_SPIKE_COUNT = 3;

/**
 * Anomalies and the weekly review use the 7 days (of the viewer's zone, `tz`, default UTC) before `to` (default now)
 * and the escalations that happened in them (first escalation time); the failing-endpoint and error groups use the tickets created in the period.
 */
export async function getEscalationInsights(
  db: Db,
  input: { actor: WorkspaceActor; query: MetricsFilter; now?: number },
): Promise<Insights> {
  await refreshTicketFacts(db, { workspaceId: input.actor.workspaceId });
  const period = factsWhere(input.actor.workspaceId, input.query, input.now);
  const tz = input.query.tz ?? "UTC";
  const { to, weekStart, counts } = await weeklyEscalations(db, input.actor.workspaceId, tz, period.to);
  const perCategory = new Map<string, number[]>();
  for (const row of counts) {
    const key = row.category || "none";
    const weeks = perCategory.get(key) ?? new Array<number>(TRAILING_WEEKS + 1).fill(0);
    weeks[Number(row.weeksAgo)] = Number(row.n);
    perCategory.set(key, weeks);
  }
  const anomalies: Insights["anomalies"] = [];
  for (const [category, weeks] of perCategory) {
    const current = weeks[0]!;
    const trailing = weeks.slice(1);
    const mean = trailing.reduce((a, b) => a + b, 0) / TRAILING_WEEKS;
    const stdDev = Math.sqrt(trailing.reduce((a, b) => a + (b - mean) ** 2, 0) / TRAILING_WEEKS);
    const zScore = (current - mean) / Math.max(stdDev, MIN_STDDEV);
    if (current >= MIN_SPIKE_COUNT && zScore >= SPIKE_Z) {
      anomalies.push({
        category,
        weekStart: weekStart.toISOString(),
        escalations: current,
        trailingMean: mean,
        trailingStdDev: stdDev,
        zScore,
      });
    }
  }
  anomalies.sort((a, b) => b.zScore - a.zScore);

  const top = [...perCategory]
    .filter(([, w]) => w[0]! > 0)
    .sort((a, b) => b[1][0]! - a[1][0]! || a[0].localeCompare(b[0]))
    .slice(0, 5);
  const weeklyReview = await Promise.all(
    top.map(async ([category, weeks]) => {
      const examples = await db
        .select({ id: tickets.id, reference: tickets.reference, subject: tickets.subject })
        .from(f)
        .innerJoin(tickets, eq(tickets.id, f.ticketId))
        .where(
          and(
            eq(f.workspaceId, input.actor.workspaceId),
            gte(f.firstEscalatedAt, weekStart),
            lt(f.firstEscalatedAt, to),
            category === "none" ? sql`${f.category} is null` : eq(f.category, category),
          ),
        )
        .orderBy(sql`${f.firstEscalatedAt} desc`)
        .limit(3);
      return { category, escalated: weeks[0]!, examples };
    }),
  );

  const signalPeriod = signalPeriodOf(input.actor.workspaceId, input.query, period);
  return {
    to: to.toISOString(),
    tz,
    anomalies,
    weeklyReview,
    failingEndpoints: await topSignalValues(db, "endpoint", signalPeriod),
    errorFingerprints: await topSignalValues(db, "fingerprint", signalPeriod),
  };
}

/**
 * Escalations per category in the 7 days before `to` (rounded up to the viewer's next midnight) and in each of the 8
 * weeks before (weeksAgo 0..8). In UTC, whole days of the escalation rollup; in another zone its days do not start at
 * UTC midnight, so the escalations are counted from ticket_facts (by first escalation time, an indexed range).
 */
async function weeklyEscalations(
  db: Db,
  workspaceId: string,
  tz: string,
  end: Date,
): Promise<{ to: Date; weekStart: Date; counts: { category: string; weeksAgo: number; n: number }[] }> {
  const endDate = dateIn(tz, end);
  const lastDate = startOfDate(tz, endDate).getTime() === end.getTime() ? endDate : addDays(endDate, 1);
  // bounds[k]: the start of the week k weeks before the current one ends (bounds[0] = to).
  const bounds = Array.from({ length: TRAILING_WEEKS + 2 }, (_, k) => startOfDate(tz, addDays(lastDate, -7 * k)));
  const to = bounds[0]!;
  const since = bounds[TRAILING_WEEKS + 1]!;
  if (tz === "UTC") {
    const counts = rowsOf<{ category: string; weeksAgo: number; n: number }>(
      await db.execute(sql`select category, floor((${utcDay(to)}::date - day::date - 1) / 7.0)::int as "weeksAgo", sum(escalated)::int as n
        from ${metricsEscalationDaily} where workspace_id = ${workspaceId}::uuid and day >= ${utcDay(since)} and day < ${utcDay(to)}
        group by 1, 2`),
    );
    return { to, weekStart: bounds[1]!, counts };
  }
  const ascending = `{${[...bounds]
    .reverse()
    .map((b) => b.toISOString())
    .join(",")}}`;
  const counts = rowsOf<{ category: string; weeksAgo: number; n: number }>(
    await db.execute(sql`select coalesce(category, '') as category,
        (${TRAILING_WEEKS + 1} - width_bucket(first_escalated_at, ${ascending}::timestamptz[]))::int as "weeksAgo", count(*)::int as n
      from ${f} where workspace_id = ${workspaceId}::uuid and first_escalated_at >= ${since.toISOString()}::timestamptz
        and first_escalated_at < ${to.toISOString()}::timestamptz
      group by 1, 2`),
  );
  return { to, weekStart: bounds[1]!, counts };
}

/** The creation period and the category / plan filters of factsWhere, for the signal rollups. */
function signalPeriodOf(workspaceId: string, q: MetricsFilter, period: { from: Date; to: Date }): SignalPeriod {
  let { from, to } = period;
  if (q.week) {
    const week = weekRange(q.week, q.tz);
    from = new Date(Math.max(from.getTime(), week.start.getTime()));
    to = new Date(Math.min(to.getTime(), week.end.getTime()));
  }
  const none = (v: string | undefined) => (v === undefined ? null : v === "none" ? "" : v);
  return { workspaceId, from, to, category: none(q.queue), plan: none(q.plan) };
}
