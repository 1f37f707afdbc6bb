import { type SQL, sql } from "drizzle-orm";

export const NOTIFY_EVENT = "notifications.event";
/** The same for a batch of events (the outbox flush): one job, each event fanned out in turn (notify-events.ts). */
export const NOTIFY_EVENTS = "notifications.events";

/** Timeline events someone outside the page may hear about (webhooks, email, Slack). */
const NOTIFIABLE = new Set([
  "created",
  "triaged",
  "assigned",
  "escalated",
  "bounced",
  "status_changed",
  "replied",
  "customer_replied",
  "feedback",
  "ping_pong",
]);

/** recordEvent queues a notifications job for these, in the statement that records the event. */
export const isNotifiable = (type: string) => NOTIFIABLE.has(type);

/**
 * The notifications job's payload (TicketEventJob) built from a ticket_events row in SQL, where `event` names a row
 * source with the table's columns: recordEvent and the outbox flush queue the same job.
 */
export const eventJobPayload = (event: SQL) =>
  sql`jsonb_build_object('eventId', ${event}.id, 'workspaceId', ${event}.workspace_id, 'ticketId', ${event}.ticket_id,
    'type', ${event}.type, 'actorType', ${event}.actor_type, 'actorId', ${event}.actor_id, 'details', ${event}.details,
    'at', to_char(${event}.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
