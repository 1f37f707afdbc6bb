import type { Db } from "../../db/client.js";
import { prebuilt } from "../../db/prebuilt.js";
import type { InsertedTicket, NewTicketRow } from "./insert-ticket.js";

/**
 * Several tickets in one statement, as insert-ticket.ts's statement does one: each ticket numbered by its workspace's
 * sequence, its "created" event (and "triaged" when decided) in that order, their outbox rows, and whether an agent
 * could take it. The rows travel as one JSON array ($1), so the statement's text is the same for any count.
 */
export async function insertTicketBatch(db: Db, rows: NewTicketRow[]): Promise<InsertedTicket[]> {
  const input = rows.map((t) => {
    const d = t.triage;
    return {
      workspace_id: t.workspaceId,
      idempotency_key: t.idempotencyKey,
      request_hash: t.requestHash,
      subject: t.subject,
      description: t.description,
      customer_email: t.customerEmail,
      customer_name: t.customerName,
      customer_id: t.customerId,
      browser_token_hash: t.browserTokenHash,
      identity: t.identity,
      verified: t.verified,
      page_url: t.pageUrl,
      page_title: t.pageTitle,
      opened_at: t.openedAt,
      submitted_at: t.submittedAt,
      context: t.context,
      signals: t.signals,
      recording_status: t.recordingIncluded ? "pending" : "none",
      severity: d?.fields.severity ?? null,
      tier: d?.fields.tier ?? 1,
      queue: d?.fields.queue ?? null,
      priority: d?.fields.priority ?? 0,
      triage: d ? d.triage : null,
      required_handoff_fields: d?.requiredHandoffFields ?? [],
      created: { verified: t.verified, recording: t.recordingIncluded },
      triaged: d ? d.eventDetails : null,
    };
  });
  const result = await insertBatch(db, [JSON.stringify(input)]);
  // Ordered by the input's position: result i is row i's.
  return result.map((r) => ({ id: r.id, reference: r.reference, routable: r.routable === true }));
}

const insertBatch = prebuilt<InsertedTicket>(`
  with options as (
    -- The live feed is woken by the outbox flush after the commit, not by this statement (migration 0022).
    select set_config('handoff.live_wake', 'after_commit', true) as live_wake
  ),
  input as materialized (
    select o.ord, gen_random_uuid() as id, handoff_next_ticket_number(r.workspace_id) as n, r.*
    from options, jsonb_array_elements($1::jsonb) with ordinality as o(value, ord),
      jsonb_to_record(o.value) as r(workspace_id uuid, idempotency_key text, request_hash text, subject text,
        description text, customer_email text, customer_name text, customer_id text, browser_token_hash text,
        identity jsonb, verified boolean, page_url text, page_title text, opened_at bigint, submitted_at bigint,
        context jsonb, signals text[], recording_status text, severity text, tier integer, queue text,
        priority integer, triage jsonb, required_handoff_fields text[], created jsonb, triaged jsonb)
  ),
  ticket as (
    insert into tickets (id, workspace_id, number, reference, idempotency_key, request_hash, subject, description,
      customer_email, customer_name, customer_id, browser_token_hash, identity, verified, page_url, page_title,
      opened_at, submitted_at, context, signals, recording_status,
      severity, tier, queue, priority, triage, required_handoff_fields)
    select id, workspace_id, n, 'HO-' || n, idempotency_key, request_hash, subject, description,
      customer_email, customer_name, customer_id, browser_token_hash, identity, verified, page_url, page_title,
      opened_at, submitted_at, context, signals, recording_status,
      severity, tier, queue, priority, triage, required_handoff_fields
    from input order by ord
    returning id
  ),
  events as (
    -- "created" before "triaged" for each ticket, so it comes first on the timeline (same clock, lower id).
    insert into ticket_events (workspace_id, ticket_id, type, actor_type, details)
    select i.workspace_id, i.id, e.type, e.actor_type, e.details
    from input i join ticket t on t.id = i.id
      cross join lateral (values (1, 'created', 'customer', i.created), (2, 'triaged', 'system', i.triaged))
        as e(ord, type, actor_type, details)
    where e.details is not null
    order by i.ord, e.ord
    returning id
  ),
  outbox as (insert into notification_outbox (event_id) select id from events)
  select i.id, 'HO-' || i.n as reference,
    i.triaged is not null and exists (select 1 from agents a where a.workspace_id = i.workspace_id and a.active
      and a.available and a.tier = i.tier and i.queue = any(a.skills)) as routable
  from input i join ticket t on t.id = i.id
  order by i.ord`);
