import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { CaptureContext } from "../../../shared/context.js";
import type { StoredIdentity } from "../../db/schema.js";
import { NOTIFY_EVENT } from "../notifications/enqueue-event-notifications.js";
import { rowsOf } from "../../lib/rows-of.js";

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
}

/**
 * The ticket and its "created" event in one statement (one round trip, atomic without BEGIN/COMMIT), numbered by the
 * workspace's own sequence (migration 0006) so concurrent tickets never queue on a counter row until commit.
 */
export async function insertTicket(db: Db, t: NewTicketRow): Promise<{ id: string; reference: string }> {
  const details = { verified: t.verified, recording: t.recordingIncluded };
  const result = await db.execute(sql`
    with num as (select handoff_next_ticket_number(${t.workspaceId}::uuid) as n),
    ticket as (
      insert into tickets (workspace_id, number, reference, idempotency_key, request_hash, subject, description,
        customer_email, customer_name, customer_id, browser_token_hash, identity, verified, page_url, page_title,
        opened_at, submitted_at, context, signals, recording_status)
      select ${t.workspaceId}::uuid, n, 'HO-' || n, ${t.idempotencyKey}, ${t.requestHash}, ${t.subject}, ${t.description},
        ${t.customerEmail}, ${t.customerName}, ${t.customerId}, ${t.browserTokenHash},
        ${t.identity ? JSON.stringify(t.identity) : null}::jsonb, ${t.verified}, ${t.pageUrl}, ${t.pageTitle},
        ${t.openedAt}::bigint, ${t.submittedAt}::bigint, ${JSON.stringify(t.context)}::jsonb,
        ${`{${t.signals.join(",")}}`}::text[], ${t.recordingIncluded ? "pending" : "none"}
      from num
      returning id, reference, workspace_id
    ),
    created as (
      insert into ticket_events (workspace_id, ticket_id, type, actor_type, details)
      select workspace_id, id, 'created', 'customer', ${JSON.stringify(details)}::jsonb from ticket
      returning id, workspace_id, ticket_id, details, at
    ),
    -- The notifications of "created" (recordEvent's job, see enqueue-event-notifications.ts), in the same statement.
    job as (
      select handoff_add_job(${NOTIFY_EVENT}, jsonb_build_object('eventId', id, 'workspaceId', workspace_id,
        'ticketId', ticket_id, 'type', 'created', 'actorType', 'customer', 'actorId', null, 'details', details,
        'at', to_json(at) #>> '{}'), null::timestamptz, null::integer, null::text) as queued
      from created
    )
    select ticket.id, ticket.reference from ticket cross join job`);
  return rowsOf<{ id: string; reference: string }>(result)[0];
}
