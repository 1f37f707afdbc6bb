import type { Db } from "../../db/client.js";
import { ticketEvents } from "../../db/schema.js";
import type { TicketEventType } from "../../../shared/timeline.js";
import { apiTokenActor } from "../../access/authenticate-token.js";
import { enqueueEventNotifications } from "../notifications/enqueue-event-notifications.js";

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
  const [row] = await db
    .insert(ticketEvents)
    .values({
      workspaceId: input.workspaceId,
      ticketId: input.ticketId,
      type: input.type,
      actorType: input.actorType,
      actorId: input.actorId ?? null,
      details,
      ...(input.at ? { at: input.at } : {}),
    })
    .returning({ id: ticketEvents.id, at: ticketEvents.at });
  await enqueueEventNotifications(db, {
    eventId: row!.id,
    workspaceId: input.workspaceId,
    ticketId: input.ticketId,
    type: input.type,
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    details,
    at: row!.at.toISOString(),
  });
}

function withToken(details: Record<string, unknown>): Record<string, unknown> {
  const token = apiTokenActor.getStore();
  return token ? { ...details, apiToken: token.name } : details;
}
