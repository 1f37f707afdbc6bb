import type { Db } from "../../db/client.js";
import { sql } from "drizzle-orm";
import type { TicketEventType } from "../../../shared/timeline.js";
import { apiTokenActor } from "../../access/authenticate-token.js";
import { eventJobPayload, isNotifiable, NOTIFY_EVENT } from "../notifications/enqueue-event-notifications.js";

export interface RecordEventInput {
  workspaceId: string;
  ticketId: string;
  type: TicketEventType;
  actorType: "agent" | "customer" | "system";
  actorId?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the database's now(); tests and seeds pass their own clock. */
  at?: Date;
}

/**
 * Appends one event to the ticket's timeline and queues its notifications (webhooks, email, Slack). Call it inside
 * the same transaction as the change it records.
 */
export async function recordEvent(db: Db, input: RecordEventInput): Promise<void> {
  // Done with an API token: the timeline names the token (list-ticket-events shows it as the actor).
  const details = withToken(input.details ?? {});
  const at = input.at ? sql`${input.at.toISOString()}::timestamptz` : sql`now()`;
  const inserted = sql`insert into ticket_events (workspace_id, ticket_id, type, actor_type, actor_id, at, details)
    values (${input.workspaceId}::uuid, ${input.ticketId}::uuid, ${input.type}, ${input.actorType},
      ${input.actorId ?? null}::uuid, ${at}, ${JSON.stringify(details)}::jsonb)`;
  if (!isNotifiable(input.type)) {
    await db.execute(inserted);
    return;
  }
  // The event and its notifications in one round trip: every status change, reply and triage records one.
  await db.execute(sql`with event as (${inserted}
      returning id, workspace_id, ticket_id, type, actor_type, actor_id, details, at)
    select handoff_add_job(${NOTIFY_EVENT}, ${eventJobPayload(sql`event`)}, null::timestamptz, null::integer, null::text)
    from event`);
}

function withToken(details: Record<string, unknown>): Record<string, unknown> {
  const token = apiTokenActor.getStore();
  return token ? { ...details, apiToken: token.name } : details;
}
