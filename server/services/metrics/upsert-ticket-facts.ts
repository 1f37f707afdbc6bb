import type { Db } from "../../db/client.js";
import { prebuilt } from "../../db/prebuilt.js";
import type { TicketFacts } from "./fold-ticket-facts.js";

/**
 * Stores folded facts, inserted or replacing the ticket's row. The rows travel as one JSON array, so the statement's
 * text is the same for any count: drizzle's insert of a 500-ticket batch built ~12,000 parameters on every pass of
 * the refresher (its largest CPU cost while tickets stream in), and each new count was a new statement to prepare.
 */
export async function upsertTicketFacts(db: Db, facts: (TicketFacts & { lastEventId: number })[]): Promise<void> {
  if (facts.length === 0) return;
  await upsertStatement(db, [JSON.stringify(facts.map(rowOf))]);
}

/** Column names as in the table; JSON gives dates as ISO strings and escalatedBy as an array, as the columns read. */
const rowOf = (f: TicketFacts & { lastEventId: number }) => ({
  ticket_id: f.ticketId,
  workspace_id: f.workspaceId,
  created_at: f.createdAt,
  category: f.category,
  plan: f.plan,
  first_agent_id: f.firstAgentId,
  resolver_id: f.resolverId,
  resolved_at: f.resolvedAt,
  first_escalated_at: f.firstEscalatedAt,
  ms_to_first_escalation: f.msToFirstEscalation,
  ms_resolution_after_escalation: f.msResolutionAfterEscalation,
  ms_to_resolution: f.msToResolution,
  escalations: f.escalations,
  bounces: f.bounces,
  reopens: f.reopens,
  ping_pong: f.pingPong,
  first_contact_resolved: f.firstContactResolved,
  agents_touched: f.agentsTouched,
  escalated_by: f.escalatedBy,
  path: f.path,
  failing_endpoint: f.failingEndpoint,
  error_fingerprint: f.errorFingerprint,
  last_event_id: f.lastEventId,
  sample: f.sample,
});

const COLUMNS = `ticket_id uuid, workspace_id uuid, created_at timestamptz, category text, plan text, first_agent_id uuid,
  resolver_id uuid, resolved_at timestamptz, first_escalated_at timestamptz, ms_to_first_escalation bigint,
  ms_resolution_after_escalation bigint, ms_to_resolution bigint, escalations integer, bounces integer,
  reopens integer, ping_pong boolean, first_contact_resolved boolean, agents_touched integer, escalated_by uuid[],
  path jsonb, failing_endpoint text, error_fingerprint text, last_event_id bigint, sample integer`;
const NAMES = COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]!);

const upsertStatement = prebuilt(`
  insert into ticket_facts (${NAMES.join(", ")})
  select ${NAMES.join(", ")} from jsonb_to_recordset($1::jsonb) as r(${COLUMNS})
  on conflict (ticket_id) do update set
    ${NAMES.filter((n) => n !== "ticket_id")
      .map((n) => `${n} = excluded.${n}`)
      .join(", ")}`);
