import { isCursorId } from "../../lib/cursor-parts.js";
import type { WorkspaceActor } from "../../access/actor.js";
import { and, desc, eq, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { feedback, tickets } from "../../db/schema.js";
import { ticketFacts as f } from "../../db/schema-metrics.js";
import type { Drilldown, DrilldownQuery } from "../../../shared/metrics.js";
import { factsWhere, firstAgentCondition } from "./metrics-filters.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";
import { ServiceError } from "../service-error.js";
import { summaryColumns, toSummary } from "../tickets/ticket-view.js";

/** The tickets behind one number of the metrics (same period and filters), newest first, keyset-paginated. */
export async function listMetricTickets(
  db: Db,
  input: { actor: WorkspaceActor; query: DrilldownQuery; now?: number },
): Promise<Drilldown> {
  const { query } = input;
  await refreshTicketFacts(db, { workspaceId: input.actor.workspaceId });
  const where: (SQL | undefined)[] = [
    factsWhere(
      input.actor.workspaceId,
      query,
      input.now,
      query.metric === "first_escalated" ? f.firstEscalatedAt : f.createdAt,
    ).where,
    ...metricCondition(query),
  ];
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    where.push(or(lt(f.createdAt, createdAt), and(eq(f.createdAt, createdAt), lt(f.ticketId, id))));
  }
  const rows = await db
    .select({ ...summaryColumns, factCreatedAt: f.createdAt })
    .from(f)
    .innerJoin(tickets, eq(tickets.id, f.ticketId))
    .where(and(...where))
    .orderBy(desc(f.createdAt), desc(f.ticketId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    tickets: page.map(toSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.factCreatedAt, last.id) : null,
  };
}

function metricCondition(q: DrilldownQuery): (SQL | undefined)[] {
  const needs = (what: "agent" | "value") => {
    throw new ServiceError("validation_failed", `${q.metric} needs ${what}`, [
      { path: what, message: `required for ${q.metric}` },
    ]);
  };
  switch (q.metric) {
    case "tickets":
      return [firstAgentCondition(q.agent)];
    case "escalated":
      return [firstAgentCondition(q.agent), sql`${f.escalations} > 0`];
    case "first_escalated":
      return [firstAgentCondition(q.agent)];
    case "resolved":
      return [firstAgentCondition(q.agent), isNotNull(f.resolvedAt)];
    case "reopened":
      return [firstAgentCondition(q.agent), sql`${f.reopens} > 0`];
    case "first_contact_resolved":
      return [firstAgentCondition(q.agent), eq(f.firstContactResolved, true)];
    case "escalated_resolved":
      return [firstAgentCondition(q.agent), isNotNull(f.msResolutionAfterEscalation)];
    case "ping_pong":
      return [firstAgentCondition(q.agent), eq(f.pingPong, true), sql`${f.escalations} > 0`];
    case "bounced":
      return [firstAgentCondition(q.agent), sql`${f.bounces} > 0`];
    case "agent_escalations":
      if (!q.agent || q.agent === "none") return needs("agent");
      return [sql`${q.agent}::uuid = any(${f.escalatedBy})`];
    case "agent_resolved":
      if (!q.agent || q.agent === "none") return needs("agent");
      return [eq(f.resolverId, q.agent), isNotNull(f.resolvedAt)];
    case "failing_endpoint":
      if (!q.value) return needs("value");
      return [firstAgentCondition(q.agent), eq(f.failingEndpoint, q.value)];
    case "error_fingerprint":
      if (!q.value) return needs("value");
      return [firstAgentCondition(q.agent), eq(f.errorFingerprint, q.value)];
    case "customer_feedback":
      return [firstAgentCondition(q.agent), answered("customer")];
    case "repeated_themselves":
      return [firstAgentCondition(q.agent), answered("customer", "repeatedThemselves")];
    case "resolved_in_reasonable_time":
      return [firstAgentCondition(q.agent), answered("customer", "resolvedInReasonableTime")];
    case "agent_feedback":
      return [firstAgentCondition(q.agent), answered("agent")];
    case "handoff_had_what_was_needed":
      return [firstAgentCondition(q.agent), answered("agent", "handoffHadWhatWasNeeded")];
  }
}

/** Tickets with a feedback answer from that respondent (and, if named, a yes to that question). */
function answered(respondent: "customer" | "agent", yes?: string): SQL {
  const question = yes ? sql`and (${feedback.answers}->>${yes})::boolean` : sql``;
  return sql`exists (select 1 from ${feedback} where ${feedback.ticketId} = ${f.ticketId} and ${feedback.respondent} = ${respondent} ${question})`;
}

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (
    Number.isNaN(createdAt.getTime()) ||
    createdAt.getUTCFullYear() < 1 ||
    createdAt.getUTCFullYear() > 9999 ||
    !isCursorId(id)
  ) {
    throw new ServiceError("validation_failed", "Invalid cursor", [
      { path: "cursor", message: "not a cursor from this API" },
    ]);
  }
  return { createdAt, id: id! };
}
