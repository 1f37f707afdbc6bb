import type { Db } from "../../db/client.js";
import type { CaptureContext } from "../../../shared/context.js";
import type { StoredIdentity } from "../../db/schema.js";
import type { TriageDecision } from "../routing/decide-triage.js";
import { prebuilt } from "../../db/prebuilt.js";
import { coalesce } from "../../db/coalesce.js";
import { insertTicketBatch } from "./insert-ticket-batch.js";

export interface NewTicketRow {
  workspaceId: string;
  idempotencyKey: string | null;
  requestHash: string;
  subject: string;
  description: string;
  customerEmail: string;
  customerName: string | null;
  customerId: string | null;
  browserTokenHash: string | null;
  identity: StoredIdentity | null;
  verified: boolean;
  pageUrl: string;
  pageTitle: string | null;
  openedAt: number | null;
  submittedAt: number | null;
  context: CaptureContext;
  signals: string[];
  recordingIncluded: boolean;
  /** Decided before the insert (triageOnArrival): stored with the ticket, with its "triaged" event. */
  triage: TriageDecision | null;
}

export type InsertedTicket = { id: string; reference: string; routable: boolean };

/**
 * The ticket, its "created" event and, when decided beforehand, its triage and "triaged" event in one statement (one
 * round trip, atomic without BEGIN/COMMIT), numbered by the workspace's own sequence (migration 0006) so concurrent
 * tickets never queue on a counter row until commit. The events' notifications and the live feed's wake-up wait
 * in the outbox (no NOTIFY here: it would commit tickets one at a time): call flushNotificationOutboxSoon after.
 * `routable`: an agent could take it now (routeNewTicket). Tickets filed at the same moment go in together, one
 * statement and one commit for all (group commit, insert-ticket-batch.ts); each caller still returns only once its
 * own row is committed, and a batch that fails is retried ticket by ticket, so a bad one fails alone.
 */
export const insertTicket: (db: Db, t: NewTicketRow) => Promise<InsertedTicket> = coalesce({
  single: insertOne,
  batch: insertTicketBatch,
});

async function insertOne(db: Db, t: NewTicketRow): Promise<InsertedTicket> {
  const created = { verified: t.verified, recording: t.recordingIncluded };
  const d = t.triage;
  const params: unknown[] = [
    t.workspaceId,
    t.idempotencyKey,
    t.requestHash,
    t.subject,
    t.description,
    t.customerEmail,
    t.customerName,
    t.customerId,
    t.browserTokenHash,
    t.identity ? JSON.stringify(t.identity) : null,
    t.verified,
    t.pageUrl,
    t.pageTitle,
    t.openedAt,
    t.submittedAt,
    JSON.stringify(t.context),
    `{${t.signals.join(",")}}`,
    t.recordingIncluded ? "pending" : "none",
    d?.fields.severity ?? null,
    d?.fields.tier ?? 1,
    d?.fields.queue ?? null,
    d?.fields.priority ?? 0,
    d ? JSON.stringify(d.triage) : null,
    textArray(d?.requiredHandoffFields ?? []),
    JSON.stringify(created),
  ];
  const rows = d
    ? await insertTriaged(db, [...params, JSON.stringify(d.eventDetails), d.fields.tier, d.fields.queue])
    : await insertUntriaged(db, params);
  const row = rows[0];
  return { id: row!.id, reference: row!.reference, routable: row!.routable === true };
}

/** A PostgreSQL array literal of plain words (handoff field names). */
const textArray = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, "")}"`).join(",")}}`;

/**
 * One statement (prebuilt: no query building per ticket), its events and their outbox rows as `events` says: $1-$24
 * the ticket, $25 the "created" event's details; with a triage, $26 the "triaged" event's details and $27/$28 the
 * tier and queue an agent must have for the ticket to be `routable`.
 */
const insertStatement = (events: string, routable: string) => `
  with num as (select handoff_next_ticket_number($1::uuid) as n,
    -- The live feed is woken by the outbox flush after the commit, not by this statement (migration 0022).
    set_config('handoff.live_wake', 'after_commit', true) as live_wake),
  ticket as (
    insert into tickets (workspace_id, number, reference, idempotency_key, request_hash, subject, description,
      customer_email, customer_name, customer_id, browser_token_hash, identity, verified, page_url, page_title,
      opened_at, submitted_at, context, signals, recording_status,
      severity, tier, queue, priority, triage, required_handoff_fields)
    select $1::uuid, n, 'HO-' || n, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14::bigint, $15::bigint,
      $16::jsonb, $17::text[], $18, $19, $20::integer, $21, $22::integer, $23::jsonb, $24::text[]
    from num
    returning id, reference, workspace_id
  ),
  events as (
    insert into ticket_events (workspace_id, ticket_id, type, actor_type, details)
    select ticket.workspace_id, ticket.id, e.type, e.actor_type, e.details from ticket cross join ${events}
    order by e.ord
    returning id
  ),
  -- Their notifications jobs are queued by flushNotificationOutbox, after the commit: no NOTIFY in this statement.
  outbox as (insert into notification_outbox (event_id) select id from events)
  select ticket.id, ticket.reference, ${routable} as routable
  from ticket`;

// Both events from one INSERT in this order, so "created" comes first on the timeline (same clock, lower id).
const insertTriaged = prebuilt<InsertedTicket>(
  insertStatement(
    `(values (1, 'created', 'customer', $25::jsonb), (2, 'triaged', 'system', $26::jsonb))
      as e(ord, type, actor_type, details)`,
    `exists (select 1 from agents a where a.workspace_id = ticket.workspace_id and a.active and a.available
      and a.tier = $27::integer and $28 = any(a.skills))`,
  ),
);

const insertUntriaged = prebuilt<InsertedTicket>(
  insertStatement(`(values (1, 'created', 'customer', $25::jsonb)) as e(ord, type, actor_type, details)`, "false"),
);
