import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { agents, feedback, ticketFacts } from "../db/schema.js";
import type { EscalationMetrics, MetricSet, MetricsQuery } from "../../shared/metrics.js";
import { factsWhere, firstAgentCondition, weekExpr } from "./metrics-filters.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";

const f = ticketFacts;
const n = (expr: SQL) => sql<number>`${expr}`.mapWith(Number);
const pct = (p: number, column: AnyPgColumn) =>
  sql<number | null>`percentile_cont(${sql.raw(String(p))}) within group (order by ${column})`.mapWith((v) => (v === null ? null : Math.round(Number(v)))); // whole ms

/** Every number of shared/metrics.ts in one aggregate over the cohort's facts. */
const metricColumns = {
  tickets: n(sql`count(*)`),
  escalated: n(sql`count(*) filter (where ${f.escalations} > 0)`),
  resolved: n(sql`count(*) filter (where ${f.resolvedAt} is not null)`),
  reopened: n(sql`count(*) filter (where ${f.reopens} > 0)`),
  firstContactResolved: n(sql`count(*) filter (where ${f.firstContactResolved})`),
  escalatedResolved: n(sql`count(${f.msResolutionAfterEscalation})`),
  tfeMedian: pct(0.5, f.msToFirstEscalation),
  tfeP90: pct(0.9, f.msToFirstEscalation),
  raeMedian: pct(0.5, f.msResolutionAfterEscalation),
  raeP90: pct(0.9, f.msResolutionAfterEscalation),
  pingPong: n(sql`count(*) filter (where ${f.pingPong} and ${f.escalations} > 0)`),
  escalations: n(sql`coalesce(sum(${f.escalations}), 0)`),
  bounced: n(sql`coalesce(sum(${f.bounces}), 0)`),
};
type MetricRow = { [K in keyof typeof metricColumns]: number | null };

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function toMetricSet(r: MetricRow): MetricSet {
  const v = (x: number | null) => x ?? 0;
  return {
    tickets: v(r.tickets),
    escalated: v(r.escalated),
    escalationRate: rate(v(r.escalated), v(r.tickets)),
    resolved: v(r.resolved),
    reopened: v(r.reopened),
    firstContactResolved: v(r.firstContactResolved),
    fcrRate: rate(v(r.firstContactResolved), v(r.resolved)),
    timeToFirstEscalation: { count: v(r.escalated), medianMs: r.tfeMedian, p90Ms: r.tfeP90 },
    resolutionAfterEscalation: { count: v(r.escalatedResolved), medianMs: r.raeMedian, p90Ms: r.raeP90 },
    pingPong: v(r.pingPong),
    pingPongRate: rate(v(r.pingPong), v(r.escalated)),
    escalations: v(r.escalations),
    bounced: v(r.bounced),
    bounceRate: rate(v(r.bounced), v(r.escalations)),
  };
}

const groupKeys = {
  queue: sql<string | null>`${f.category}`,
  agent: sql<string | null>`${f.firstAgentId}::text`,
  plan: sql<string | null>`${f.plan}`,
  week: weekExpr,
};

export async function getEscalationMetrics(
  db: Db,
  input: { workspaceId: string; query: MetricsQuery; now?: number },
): Promise<EscalationMetrics> {
  await refreshTicketFacts(db, { workspaceId: input.workspaceId });
  const { query } = input;
  const period = factsWhere(input.workspaceId, query, input.now);
  const where = and(period.where, firstAgentCondition(query.agent))!;

  const [overallRow] = await db.select(metricColumns).from(f).where(where);
  const groupBy = query.groupBy ?? null;
  let groups: EscalationMetrics["groups"] = [];
  if (groupBy) {
    const key = groupKeys[groupBy];
    const rows = await db.select({ key, ...metricColumns }).from(f).where(where).groupBy(key).orderBy(key);
    groups = rows.map(({ key, ...r }) => ({ key: key ?? "none", label: key ?? "(none)", metrics: toMetricSet(r) }));
  }

  const weekly = await db
    .select({ week: weekExpr, tickets: metricColumns.tickets, escalated: metricColumns.escalated })
    .from(f)
    .where(where)
    .groupBy(weekExpr)
    .orderBy(weekExpr);
  const byCategory = await db
    .select({ category: f.category, tickets: metricColumns.tickets, escalated: metricColumns.escalated })
    .from(f)
    .where(where)
    .groupBy(f.category)
    .orderBy(sql`count(*) filter (where ${f.escalations} > 0) desc`, f.category);

  const perAgent = await agentTable(db, input.workspaceId, where, groups, groupBy);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    groupBy,
    overall: toMetricSet(overallRow!),
    groups,
    weekly: weekly.map((w) => ({ ...w, escalationRate: rate(w.escalated, w.tickets) })),
    byCategory: byCategory.map((c) => ({ category: c.category ?? "none", tickets: c.tickets, escalated: c.escalated })),
    perAgent,
    feedback: await feedbackSummary(db, where),
  };
}

/** Escalations each agent sent next to the tickets each resolved, over the cohort. */
async function agentTable(db: Db, workspaceId: string, where: SQL, groups: EscalationMetrics["groups"], groupBy: string | null) {
  const sent = await db.execute<{ agent_id: string; n: number }>(
    sql`select a as agent_id, count(*)::int as n from ${f}, unnest(${f.escalatedBy}) as a where ${where} group by a`,
  );
  const resolved = await db
    .select({ agentId: f.resolverId, n: metricColumns.tickets })
    .from(f)
    .where(and(where, isNotNull(f.resolvedAt), isNotNull(f.resolverId)))
    .groupBy(f.resolverId);
  const table = new Map<string, { escalations: number; resolved: number }>();
  for (const row of rowsOf<{ agent_id: string; n: number }>(sent)) table.set(row.agent_id, { escalations: Number(row.n), resolved: 0 });
  for (const row of resolved) {
    const entry = table.get(row.agentId!) ?? { escalations: 0, resolved: 0 };
    entry.resolved = row.n;
    table.set(row.agentId!, entry);
  }
  const ids = [...new Set([...table.keys(), ...(groupBy === "agent" ? groups.map((g) => g.key).filter((k) => k !== "none") : [])])];
  const names = ids.length
    ? await db.select({ id: agents.id, name: agents.name }).from(agents).where(and(eq(agents.workspaceId, workspaceId), inArray(agents.id, ids)))
    : [];
  const nameOf = new Map(names.map((a) => [a.id, a.name]));
  for (const g of groups) if (groupBy === "agent") g.label = nameOf.get(g.key) ?? g.label;
  return [...table]
    .map(([agentId, v]) => ({ agentId, name: nameOf.get(agentId) ?? "(removed agent)", ...v }))
    .sort((a, b) => b.escalations - a.escalations || b.resolved - a.resolved || a.name.localeCompare(b.name));
}

async function feedbackSummary(db: Db, where: SQL): Promise<EscalationMetrics["feedback"]> {
  const customer = sql`${feedback.respondent} = 'customer'`;
  const agent = sql`${feedback.respondent} = 'agent'`;
  const [row] = await db
    .select({
      customerResponses: n(sql`count(*) filter (where ${customer})`),
      repeatedThemselves: n(sql`count(*) filter (where ${customer} and (${feedback.answers}->>'repeatedThemselves')::boolean)`),
      averagePeopleTalkedTo: sql<number | null>`avg((${feedback.answers}->>'peopleTalkedTo')::numeric) filter (where ${customer})`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
      resolvedInReasonableTime: n(sql`count(*) filter (where ${customer} and (${feedback.answers}->>'resolvedInReasonableTime')::boolean)`),
      agentResponses: n(sql`count(*) filter (where ${agent})`),
      handoffHadWhatWasNeeded: n(sql`count(*) filter (where ${agent} and (${feedback.answers}->>'handoffHadWhatWasNeeded')::boolean)`),
    })
    .from(feedback)
    .innerJoin(f, eq(f.ticketId, feedback.ticketId))
    .where(where);
  return { ...row!, averagePeopleTalkedTo: row!.averagePeopleTalkedTo };
}

/** postgres.js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
