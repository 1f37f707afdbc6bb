import { sql, type SQL } from "drizzle-orm";
import { resolvePeriod, weekRange, type MetricGroupBy, type MetricsFilter } from "../../../shared/metrics.js";
import { weeksIn } from "../../../shared/time-zone.js";
import { utcDay } from "./metrics-rollups.js";

const DAY = 86_400_000;

export interface Cohort {
  workspaceId: string;
  from: Date;
  to: Date;
  /** The period after the week filter: what is actually counted. */
  start: Date;
  end: Date;
  /** Whole UTC days [firstDay, endDay) read from the rollups; the partial days around them from ticket_facts. */
  firstDay: Date | null;
  endDay: Date | null;
  filter: MetricsFilter;
  /** The weekly buckets: the viewer's weeks (Monday to Monday in filter.tz, default UTC) over [start, end). */
  weeks: { week: string; start: Date }[];
  /** Whole UTC days a week boundary of the zone cuts in two: by week, they are read from ticket_facts. */
  cutDays: Date[];
}

export function cohortOf(workspaceId: string, filter: MetricsFilter, now = Date.now()): Cohort {
  const { from, to } = resolvePeriod(filter, now);
  let start = from;
  let end = to;
  if (filter.week) {
    const week = weekRange(filter.week, filter.tz);
    start = new Date(Math.max(start.getTime(), week.start.getTime()));
    end = new Date(Math.min(end.getTime(), week.end.getTime()));
  }
  const firstDay = new Date(Math.ceil(start.getTime() / DAY) * DAY);
  const endDay = new Date(Math.floor(end.getTime() / DAY) * DAY);
  const whole = firstDay < endDay;
  const { weeks } = weeksIn(filter.tz ?? "UTC", start, end);
  const cutDays = whole
    ? weeks
        .map((w) => w.start.getTime())
        .filter((t) => t % DAY !== 0 && t > firstDay.getTime() && t < endDay.getTime())
        .map((t) => new Date(Math.floor(t / DAY) * DAY))
    : [];
  return {
    weeks,
    cutDays,
    workspaceId,
    from,
    to,
    start,
    end,
    firstDay: whole ? firstDay : null,
    endDay: whole ? endDay : null,
    filter,
  };
}

/** Category / first agent / plan filters on a row with the rollups' key columns ('' = none). */
function keyFilters(filter: MetricsFilter, columns: { category: SQL; firstAgent: SQL; plan: SQL }): SQL {
  const parts: SQL[] = [sql`true`];
  const value = (v: string) => (v === "none" ? "" : v);
  if (filter.queue) parts.push(sql`${columns.category} = ${value(filter.queue)}`);
  if (filter.plan) parts.push(sql`${columns.plan} = ${value(filter.plan)}`);
  if (filter.agent) parts.push(sql`${columns.firstAgent} = ${value(filter.agent)}`);
  return sql.join(parts, sql` and `);
}

const factKeys = {
  category: sql.raw(`coalesce(f.category, '')`),
  firstAgent: sql.raw(`coalesce(f.first_agent_id::text, '')`),
  plan: sql.raw(`coalesce(f.plan, '')`),
};
const rollupKeys = { category: sql.raw(`r.category`), firstAgent: sql.raw(`r.first_agent`), plan: sql.raw(`r.plan`) };

/** The facts of the partial days (or of the whole period when it is shorter than a day), filtered; by week, also those of the cut days. */
export function edgeFactsWhere(c: Cohort, byWeek = false): SQL {
  const ws = sql`f.workspace_id = ${c.workspaceId}::uuid`;
  const range = (a: Date, b: Date) =>
    sql`(f.created_at >= ${a.toISOString()}::timestamptz and f.created_at < ${b.toISOString()}::timestamptz)`;
  const cuts = byWeek ? c.cutDays.map((d) => range(d, new Date(d.getTime() + DAY))) : [];
  const ranges =
    c.firstDay && c.endDay
      ? sql`(${sql.join([range(c.start, c.firstDay), range(c.endDay, c.end), ...cuts], sql` or `)})`
      : range(c.start, c.end);
  return sql`${ws} and ${ranges} and ${keyFilters(c.filter, factKeys)}`;
}

/**
 * The week (its Monday in the viewer's zone) an instant falls in; cohortRows' rows carry one as `at`. Inlined, not
 * bound: the same text in SELECT and ORDER BY is the same expression to GROUP BY (the values are ours: ISO dates).
 */
export function weekKey(c: Cohort, at: SQL): SQL {
  if (!c.weeks.length) return sql`''`;
  const bounds = sql.raw(`'{${c.weeks.map((w) => w.start.toISOString()).join(",")}}'::timestamptz[]`);
  const labels = sql.raw(`'{${c.weeks.map((w) => w.week).join(",")}}'::text[]`);
  return sql`(${labels})[width_bucket(${at}, ${bounds})]`;
}

/** Every ticket of the cohort in the whole period (for percentiles and lists); f is ticket_facts. */
export function cohortFactsWhere(c: Cohort): SQL {
  return sql`f.workspace_id = ${c.workspaceId}::uuid and f.created_at >= ${c.start.toISOString()}::timestamptz
    and f.created_at < ${c.end.toISOString()}::timestamptz and ${keyFilters(c.filter, factKeys)}`;
}

/** A rollup dimension a query groups by: its rows with real values; every other unfiltered one reads ANY. */
export type RollupDim = "category" | "first_agent" | "plan";

function rollupWhere(c: Cohort, grouped: RollupDim[], byWeek = false): SQL {
  if (!c.firstDay || !c.endDay) return sql`false`;
  const cut =
    byWeek && c.cutDays.length ? sql` and r.day <> all(${`{${c.cutDays.map(utcDay).join(",")}}`}::text[])` : sql``;
  const real = (d: RollupDim, filtered: unknown) => Boolean(filtered) || grouped.includes(d);
  const grain =
    (real("category", c.filter.queue) ? 0 : 1) |
    (real("first_agent", c.filter.agent) ? 0 : 2) |
    (real("plan", c.filter.plan) ? 0 : 4);
  return sql`r.workspace_id = ${c.workspaceId}::uuid and r.grain = ${grain} and r.day >= ${utcDay(c.firstDay)} and r.day < ${utcDay(c.endDay)}${cut}
    and ${keyFilters(c.filter, rollupKeys)}`;
}

/**
 * The cohort as rows shaped like metrics_daily: the rollup rows of its whole days, plus one row per ticket of its
 * partial days. Summing them gives the same numbers as counting the tickets, at the cost of groups x days.
 * `at`: an instant of the row's span (a UTC day's start, a ticket's creation). By week, a UTC day that a week of the
 * viewer's zone starts in is read ticket by ticket (about one day in seven outside UTC).
 */
export function cohortRows(c: Cohort, grouped: RollupDim[] = [], byWeek = false): SQL {
  return sql`(select (r.day || 'T00:00:00Z')::timestamptz as at, r.category, r.first_agent, r.plan, r.tickets, r.escalated, r.resolved, r.reopened,
      r.first_contact_resolved, r.escalated_resolved, r.ping_pong, r.escalations, r.bounced
    from metrics_daily r where ${rollupWhere(c, grouped, byWeek)}
    union all
    select f.created_at, ${factKeys.category}, ${factKeys.firstAgent}, ${factKeys.plan}, 1, (f.escalations > 0)::int, (f.resolved_at is not null)::int,
      (f.reopens > 0)::int, f.first_contact_resolved::int, (f.ms_resolution_after_escalation is not null)::int,
      (f.ping_pong and f.escalations > 0)::int, f.escalations, f.bounces
    from ticket_facts f where ${edgeFactsWhere(c, byWeek)})`;
}

/** Tickets escalated (escalated_by lists an agent once) and resolved per agent, shaped like metrics_agent_daily. */
export function cohortAgentRows(c: Cohort): SQL {
  return sql`(select r.agent_id, r.escalations_sent, r.resolved from metrics_agent_daily r where ${rollupWhere(c, [])}
    union all
    select s::text, 1, 0 from ticket_facts f, unnest(f.escalated_by) as s where ${edgeFactsWhere(c)}
    union all
    select f.resolver_id::text, 0, 1 from ticket_facts f where ${edgeFactsWhere(c)} and f.resolved_at is not null and f.resolver_id is not null)`;
}

/** Group keys over cohortRows ('' = none), the rollup dimension each needs, and whether rows are split by week. */
export function cohortGroupKey(c: Cohort, groupBy: MetricGroupBy): { key: SQL; dims: RollupDim[]; byWeek: boolean } {
  if (groupBy === "week") return { key: weekKey(c, sql.raw("at")), dims: [], byWeek: true };
  const column = { queue: "category", agent: "first_agent", plan: "plan" }[groupBy] as RollupDim;
  return { key: sql.raw(column), dims: [column], byWeek: false };
}
