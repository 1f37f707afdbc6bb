import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, feedback } from "../../db/schema.js";
import { ticketFacts } from "../../db/schema-metrics.js";
import type { EscalationMetrics, MetricSet, MetricsQuery } from "../../../shared/metrics.js";
import { rowsOf } from "../../lib/rows-of.js";
import {
  cohortAgentRows,
  cohortFactsWhere,
  cohortGroupKey,
  cohortOf,
  cohortRows,
  type Cohort,
} from "./metrics-cohort.js";
import { cohortPercentiles, type Percentiles } from "./metrics-percentiles.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";

export { rowsOf };

/** Sums over cohortRows (rollup rows + edge tickets): every count of shared/metrics.ts. */
const SUMS = sql.raw(`coalesce(sum(tickets), 0)::int as "tickets", coalesce(sum(escalated), 0)::int as "escalated",
  coalesce(sum(resolved), 0)::int as "resolved", coalesce(sum(reopened), 0)::int as "reopened",
  coalesce(sum(first_contact_resolved), 0)::int as "firstContactResolved", coalesce(sum(escalated_resolved), 0)::int as "escalatedResolved",
  coalesce(sum(ping_pong), 0)::int as "pingPong", coalesce(sum(escalations), 0)::int as "escalations", coalesce(sum(bounced), 0)::int as "bounced"`);
type Counts = {
  tickets: number;
  escalated: number;
  resolved: number;
  reopened: number;
  firstContactResolved: number;
  escalatedResolved: number;
  pingPong: number;
  escalations: number;
  bounced: number;
};

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const numbers = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "key" ? v : Number(v ?? 0)])) as T;

function toMetricSet(c: Counts, p: Percentiles, sampleSize: number | null): MetricSet {
  const sampled = sampleSize === null ? {} : { sampleSize };
  return {
    tickets: c.tickets,
    escalated: c.escalated,
    escalationRate: rate(c.escalated, c.tickets),
    resolved: c.resolved,
    reopened: c.reopened,
    firstContactResolved: c.firstContactResolved,
    fcrRate: rate(c.firstContactResolved, c.resolved),
    timeToFirstEscalation: { count: c.escalated, medianMs: p.tfeMedian, p90Ms: p.tfeP90, ...sampled },
    resolutionAfterEscalation: { count: c.escalatedResolved, medianMs: p.raeMedian, p90Ms: p.raeP90, ...sampled },
    pingPong: c.pingPong,
    pingPongRate: rate(c.pingPong, c.escalated),
    escalations: c.escalations,
    bounced: c.bounced,
    bounceRate: rate(c.bounced, c.escalations),
  };
}

/**
 * The dashboard's numbers. Counts come from the daily rollups (one row per day x category x first agent x plan) plus
 * the tickets of partial days, so the work grows with groups x days, not tickets; percentiles see metrics-percentiles.ts.
 */
export async function getEscalationMetrics(
  db: Db,
  input: { actor: WorkspaceActor; query: MetricsQuery; now?: number },
): Promise<EscalationMetrics> {
  await refreshTicketFacts(db, { workspaceId: input.actor.workspaceId });
  const { query } = input;
  const cohort = cohortOf(input.actor.workspaceId, query, input.now);
  const rows = cohortRows(cohort);
  const [overall] = rowsOf<Counts>(await db.execute(sql`select ${SUMS} from ${rows} c`)).map(numbers);
  const groupBy = query.groupBy ?? null;
  // The percentile scan reads every escalated ticket of the period through the index, filters applied after it:
  // size the sample by that (the unfiltered count), so a narrow filter on a huge workspace stays bounded too.
  const filtered = Boolean(query.queue || query.agent || query.plan);
  const scanned = filtered
    ? rowsOf<{ escalated: number }>(
        await db.execute(sql`select ${SUMS} from ${cohortRows({ ...cohort, filter: {} })} c`),
      ).map(numbers)[0]!.escalated
    : overall!.escalated;
  const percentiles = await cohortPercentiles(db, cohort, scanned, groupBy);
  const overallPercentiles = groupBy
    ? (await cohortPercentiles(db, cohort, scanned, null)).get("")
    : percentiles.get("");

  let groups: EscalationMetrics["groups"] = [];
  if (groupBy) {
    const { key, dims, byWeek } = cohortGroupKey(cohort, groupBy);
    const grouped = rowsOf<Counts & { key: string }>(
      await db.execute(
        sql`select ${key} as key, ${SUMS} from ${cohortRows(cohort, dims, byWeek)} c group by 1 order by (${key} = ''), 1`,
      ),
    ).map(numbers);
    groups = grouped
      .filter((g) => g.tickets > 0)
      .map(({ key, ...counts }) => ({
        key: key || "none",
        label: key || "(none)",
        metrics: toMetricSet(counts, percentiles.get(key), percentiles.sampleSize),
      }));
  }

  const weekKey = cohortGroupKey(cohort, "week").key;
  const weekly = rowsOf<{ week: string; tickets: number; escalated: number }>(
    await db.execute(sql`select ${weekKey} as week, coalesce(sum(tickets), 0)::int as tickets, coalesce(sum(escalated), 0)::int as escalated
      from ${cohortRows(cohort, [], true)} c group by 1 having sum(tickets) > 0 order by 1`),
  ).map((w) => ({ week: w.week, tickets: Number(w.tickets), escalated: Number(w.escalated) }));
  const byCategory = rowsOf<{ category: string; tickets: number; escalated: number }>(
    await db.execute(sql`select category, coalesce(sum(tickets), 0)::int as tickets, coalesce(sum(escalated), 0)::int as escalated
      from ${cohortRows(cohort, ["category"])} c group by 1 having sum(tickets) > 0 order by 3 desc, (category = ''), 1`),
  );

  return {
    from: cohort.from.toISOString(),
    to: cohort.to.toISOString(),
    tz: input.query.tz ?? "UTC",
    groupBy,
    overall: toMetricSet(overall!, overallPercentiles, percentiles.sampleSize),
    groups: groupBy === "agent" ? await labelAgents(db, input.actor.workspaceId, groups) : groups,
    weekly: weekly.map((w) => ({ ...w, escalationRate: rate(w.escalated, w.tickets) })),
    byCategory: byCategory.map((c) => ({
      category: c.category || "none",
      tickets: Number(c.tickets),
      escalated: Number(c.escalated),
    })),
    perAgent: await agentTable(db, input.actor.workspaceId, cohort),
    feedback: await feedbackSummary(db, cohort),
    dimensions: await dimensions(db, input.actor.workspaceId),
  };
}

/** Distinct values from the rollup rows where only that dimension is real (grain 6: category; 3: plan). */
async function dimensions(db: Db, workspaceId: string): Promise<EscalationMetrics["dimensions"]> {
  const values = async (column: string, grain: number) =>
    rowsOf<{ v: string }>(
      await db.execute(sql`select distinct ${sql.raw(column)} as v from metrics_daily
      where workspace_id = ${workspaceId}::uuid and grain = ${grain} and tickets > 0 order by 1`),
    ).map((r) => r.v || "none");
  return { categories: await values("category", 6), plans: await values("plan", 3) };
}

async function agentNames(db: Db, workspaceId: string, ids: string[]) {
  const names = ids.length
    ? await db
        .select({ id: agents.id, name: agents.name })
        .from(agents)
        .where(and(eq(agents.workspaceId, workspaceId), inArray(agents.id, ids)))
    : [];
  return new Map(names.map((a) => [a.id, a.name]));
}

async function labelAgents(db: Db, workspaceId: string, groups: EscalationMetrics["groups"]) {
  const nameOf = await agentNames(
    db,
    workspaceId,
    groups.map((g) => g.key).filter((k) => k !== "none"),
  );
  return groups.map((g) => ({ ...g, label: nameOf.get(g.key) ?? g.label }));
}

/** Tickets each agent escalated (once per ticket) next to the tickets each resolved, over the cohort. */
async function agentTable(db: Db, workspaceId: string, cohort: Cohort) {
  const rows = rowsOf<{ agent_id: string; sent: number; resolved: number }>(
    await db.execute(sql`select agent_id, sum(escalations_sent)::int as sent, sum(resolved)::int as resolved
      from ${cohortAgentRows(cohort)} a group by 1 having sum(escalations_sent) > 0 or sum(resolved) > 0`),
  );
  const nameOf = await agentNames(
    db,
    workspaceId,
    rows.map((r) => r.agent_id),
  );
  return rows
    .map((r) => ({
      agentId: r.agent_id,
      name: nameOf.get(r.agent_id) ?? "(removed agent)",
      escalations: Number(r.sent),
      resolved: Number(r.resolved),
    }))
    .sort((a, b) => b.escalations - a.escalations || b.resolved - a.resolved || a.name.localeCompare(b.name));
}

/** Over the answers given (few next to tickets): a join from feedback to the cohort's facts. */
async function feedbackSummary(db: Db, cohort: Cohort): Promise<EscalationMetrics["feedback"]> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select
      count(*) filter (where fb.respondent = 'customer') as "customerResponses",
      count(*) filter (where fb.respondent = 'customer' and (fb.answers->>'repeatedThemselves')::boolean) as "repeatedThemselves",
      avg((fb.answers->>'peopleTalkedTo')::numeric) filter (where fb.respondent = 'customer') as "averagePeopleTalkedTo",
      count(*) filter (where fb.respondent = 'customer' and (fb.answers->>'resolvedInReasonableTime')::boolean) as "resolvedInReasonableTime",
      count(*) filter (where fb.respondent = 'agent') as "agentResponses",
      count(*) filter (where fb.respondent = 'agent' and (fb.answers->>'handoffHadWhatWasNeeded')::boolean) as "handoffHadWhatWasNeeded"
    from ${feedback} fb join ${ticketFacts} f on f.ticket_id = fb.ticket_id
    where ${cohortFactsWhere(cohort)}`),
  );
  const count = (k: string) => Number(row?.[k] ?? 0);
  return {
    customerResponses: count("customerResponses"),
    repeatedThemselves: count("repeatedThemselves"),
    averagePeopleTalkedTo:
      row?.averagePeopleTalkedTo === null || row?.averagePeopleTalkedTo === undefined
        ? null
        : Number(row.averagePeopleTalkedTo),
    resolvedInReasonableTime: count("resolvedInReasonableTime"),
    agentResponses: count("agentResponses"),
    handoffHadWhatWasNeeded: count("handoffHadWhatWasNeeded"),
  };
}
