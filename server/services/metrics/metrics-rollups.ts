import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { metricsAgentDaily, metricsDaily, metricsEscalationDaily, ticketFacts } from "../../db/schema-metrics.js";
import type { TicketFacts } from "./fold-ticket-facts.js";
import { applySignalDelta, rebuildSignalRollups } from "./metrics-signal-rollups.js";

/** What a ticket's facts contribute to the rollups. */
export type RollupFacts = Pick<
  TicketFacts,
  | "createdAt"
  | "category"
  | "plan"
  | "firstAgentId"
  | "resolverId"
  | "resolvedAt"
  | "firstEscalatedAt"
  | "escalations"
  | "bounces"
  | "reopens"
  | "pingPong"
  | "firstContactResolved"
  | "msResolutionAfterEscalation"
  | "escalatedBy"
  | "ticketId"
  | "failingEndpoint"
  | "errorFingerprint"
>;

/** The columns of ticket_facts a refold reads before overwriting them (to subtract the old contribution). */
export const rollupFactColumns = {
  ticketId: ticketFacts.ticketId,
  createdAt: ticketFacts.createdAt,
  category: ticketFacts.category,
  plan: ticketFacts.plan,
  firstAgentId: ticketFacts.firstAgentId,
  resolverId: ticketFacts.resolverId,
  resolvedAt: ticketFacts.resolvedAt,
  firstEscalatedAt: ticketFacts.firstEscalatedAt,
  escalations: ticketFacts.escalations,
  bounces: ticketFacts.bounces,
  reopens: ticketFacts.reopens,
  pingPong: ticketFacts.pingPong,
  firstContactResolved: ticketFacts.firstContactResolved,
  msResolutionAfterEscalation: ticketFacts.msResolutionAfterEscalation,
  escalatedBy: ticketFacts.escalatedBy,
  failingEndpoint: ticketFacts.failingEndpoint,
  errorFingerprint: ticketFacts.errorFingerprint,
};

/**
 * The rollups' "any" value of a dimension. Each ticket counts in the 8 rows of its (category, first agent, plan) with
 * every subset of them replaced by ANY (a cube), so a query with any filters / grouping reads only
 * days x groups rows: the unfiltered dashboard reads one row per day.
 */
export const ANY = "*";
const wildcards = ([a, b, c]: string[]) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((m) => [String(m), m & 1 ? ANY : a!, m & 2 ? ANY : b!, m & 4 ? ANY : c!]);

/** UTC calendar day, the rollups' time grain. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const DAILY_COUNTS = [
  "tickets",
  "escalated",
  "resolved",
  "reopened",
  "firstContactResolved",
  "escalatedResolved",
  "pingPong",
  "escalations",
  "bounced",
] as const;
type DailyCounts = Record<(typeof DAILY_COUNTS)[number], number>;

/**
 * Adds (sign 1) or removes (sign -1) tickets' contributions. A refold passes the old facts with -1 and the new ones
 * with +1 inside the transaction that overwrites the facts, so the rollups equal a full recount at every commit.
 */
export async function applyRollupDelta(
  db: Db,
  workspaceId: string,
  changes: { facts: RollupFacts; sign: 1 | -1 }[],
): Promise<void> {
  const daily = new Map<string, { key: string[]; counts: DailyCounts }>();
  const perAgent = new Map<string, { key: string[]; sent: number; resolved: number }>();
  const escalationDays = new Map<string, { key: string[]; n: number }>();
  for (const { facts: f, sign } of changes) {
    const day = utcDay(f.createdAt);
    const dims = [f.category ?? "", f.firstAgentId ?? "", f.plan ?? ""];
    for (const cohort of wildcards(dims).map((key) => [day, ...key])) {
      const id = cohort.join("\u0000");
      const entry = daily.get(id) ?? {
        key: cohort,
        counts: Object.fromEntries(DAILY_COUNTS.map((k) => [k, 0])) as DailyCounts,
      };
      const c = entry.counts;
      c.tickets += sign;
      c.escalated += sign * Number(f.escalations > 0);
      c.resolved += sign * Number(f.resolvedAt !== null);
      c.reopened += sign * Number(f.reopens > 0);
      c.firstContactResolved += sign * Number(f.firstContactResolved);
      c.escalatedResolved += sign * Number(f.msResolutionAfterEscalation !== null);
      c.pingPong += sign * Number(f.pingPong && f.escalations > 0);
      c.escalations += sign * f.escalations;
      c.bounced += sign * f.bounces;
      daily.set(id, entry);
    }
    const agentRow = (agentId: string, sent: number, resolved: number) => {
      for (const cohort of wildcards(dims).map((key) => [day, ...key])) {
        const key = [...cohort, agentId];
        const row = perAgent.get(key.join("\u0000")) ?? { key, sent: 0, resolved: 0 };
        row.sent += sign * sent;
        row.resolved += sign * resolved;
        perAgent.set(key.join("\u0000"), row);
      }
    };
    for (const sender of f.escalatedBy) agentRow(sender, 1, 0);
    if (f.resolvedAt && f.resolverId) agentRow(f.resolverId, 0, 1);
    if (f.firstEscalatedAt) {
      const key = [utcDay(f.firstEscalatedAt), f.category ?? ""];
      const row = escalationDays.get(key.join("\u0000")) ?? { key, n: 0 };
      row.n += sign;
      escalationDays.set(key.join("\u0000"), row);
    }
  }

  const dailyRows = [...daily.values()]
    .filter((r) => DAILY_COUNTS.some((k) => r.counts[k] !== 0))
    .map(({ key: [day, grain, category, firstAgent, plan], counts }) => ({
      workspaceId,
      grain: Number(grain),
      day: day!,
      category: category!,
      firstAgent: firstAgent!,
      plan: plan!,
      ...counts,
    }));
  const agentRows = [...perAgent.values()]
    .filter((r) => r.sent !== 0 || r.resolved !== 0)
    .map(({ key: [day, grain, category, firstAgent, plan, agentId], sent, resolved }) => ({
      workspaceId,
      grain: Number(grain),
      day: day!,
      category: category!,
      firstAgent: firstAgent!,
      plan: plan!,
      agentId: agentId!,
      escalationsSent: sent,
      resolved,
    }));
  const escalationRows = [...escalationDays.values()]
    .filter((r) => r.n !== 0)
    .map(({ key: [day, category], n }) => ({ workspaceId, day: day!, category: category!, escalated: n }));

  const add = (table: string, columns: string[]) =>
    Object.fromEntries(columns.map((c) => [c, sql.raw(`"${table}"."${toSnake(c)}" + excluded."${toSnake(c)}"`)]));
  if (dailyRows.length) {
    await db
      .insert(metricsDaily)
      .values(dailyRows)
      .onConflictDoUpdate({
        target: [
          metricsDaily.workspaceId,
          metricsDaily.grain,
          metricsDaily.day,
          metricsDaily.category,
          metricsDaily.firstAgent,
          metricsDaily.plan,
        ],
        set: add("metrics_daily", [...DAILY_COUNTS]),
      });
  }
  if (agentRows.length) {
    await db
      .insert(metricsAgentDaily)
      .values(agentRows)
      .onConflictDoUpdate({
        target: [
          metricsAgentDaily.workspaceId,
          metricsAgentDaily.grain,
          metricsAgentDaily.day,
          metricsAgentDaily.category,
          metricsAgentDaily.firstAgent,
          metricsAgentDaily.plan,
          metricsAgentDaily.agentId,
        ],
        set: add("metrics_agent_daily", ["escalationsSent", "resolved"]),
      });
  }
  if (escalationRows.length) {
    await db
      .insert(metricsEscalationDaily)
      .values(escalationRows)
      .onConflictDoUpdate({
        target: [metricsEscalationDaily.workspaceId, metricsEscalationDaily.day, metricsEscalationDaily.category],
        set: add("metrics_escalation_daily", ["escalated"]),
      });
  }
  await applySignalDelta(db, workspaceId, changes);
}

/**
 * Recounts a workspace's rollups from its facts in SQL (after a seed, or for facts folded before the rollups existed).
 * Also derives each fact's sample slot from its id, as the fold does.
 */
export async function rebuildRollups(db: Db, workspaceId: string): Promise<void> {
  const ws = sql`${workspaceId}::uuid`;
  const day = sql.raw(`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`);
  const key = sql.raw(`coalesce(category, '') as c, coalesce(first_agent_id::text, '') as fa, coalesce(plan, '') as p`);
  await db.delete(metricsDaily).where(eq(metricsDaily.workspaceId, workspaceId));
  await db.delete(metricsAgentDaily).where(eq(metricsAgentDaily.workspaceId, workspaceId));
  await db.delete(metricsEscalationDaily).where(eq(metricsEscalationDaily.workspaceId, workspaceId));
  await db.execute(
    sql`update ticket_facts set sample = ${SAMPLE_SQL} where workspace_id = ${ws} and sample <> ${SAMPLE_SQL}`,
  );
  // CUBE rolls dimensions up to NULL; real "none" values were made '' before, so NULL means ANY.
  const any = (column: string) => sql.raw(`coalesce(${column}, '${ANY}')`);
  await db.execute(sql`insert into metrics_daily (workspace_id, grain, day, category, first_agent, plan, tickets, escalated, resolved, reopened,
      first_contact_resolved, escalated_resolved, ping_pong, escalations, bounced)
    select ${ws}, grouping(p, fa, c), d, ${any("c")}, ${any("fa")}, ${any("p")}, count(*), count(*) filter (where escalations > 0), count(resolved_at),
      count(*) filter (where reopens > 0), count(*) filter (where first_contact_resolved), count(ms_resolution_after_escalation),
      count(*) filter (where ping_pong and escalations > 0), sum(escalations), sum(bounces)
    from (select ${day} as d, ${key}, * from ticket_facts where workspace_id = ${ws}) f
    group by d, cube(c, fa, p)`);
  await db.execute(sql`insert into metrics_agent_daily (workspace_id, grain, day, category, first_agent, plan, agent_id, escalations_sent, resolved)
    select ${ws}, grouping(p, fa, c), d, ${any("c")}, ${any("fa")}, ${any("p")}, a, sum(sent), sum(res) from (
      select ${day} as d, coalesce(category, '') as c, coalesce(first_agent_id::text, '') as fa, coalesce(plan, '') as p, s::text as a, 1 as sent, 0 as res
        from ticket_facts, unnest(escalated_by) as s where workspace_id = ${ws}
      union all
      select ${day}, coalesce(category, ''), coalesce(first_agent_id::text, ''), coalesce(plan, ''), resolver_id::text, 0, 1
        from ticket_facts where workspace_id = ${ws} and resolved_at is not null and resolver_id is not null
    ) x group by d, a, cube(c, fa, p)`);
  await db.execute(sql`insert into metrics_escalation_daily (workspace_id, day, category, escalated)
    select ${ws}, to_char(first_escalated_at at time zone 'UTC', 'YYYY-MM-DD'), coalesce(category, ''), count(*)
    from ticket_facts where workspace_id = ${ws} and first_escalated_at is not null group by 2, 3`);
  await rebuildSignalRollups(db, workspaceId);
}

/** sampleOf (fold-ticket-facts.ts) in SQL. */
const SAMPLE_SQL = sql.raw(`(('x' || substr(ticket_id::text, 1, 2))::bit(8)::int % 64)`);

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
