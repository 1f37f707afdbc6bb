import type { Db } from "../../db/client.js";
import { ticketEvents } from "../../db/schema.js";
import type { TicketEventType } from "../../../shared/timeline.js";
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
  const [row] = await db
    .insert(ticketEvents)
    .values({
      workspaceId: input.workspaceId,
      ticketId: input.ticketId,
      type: input.type,
      actorType: input.actorType,
      actorId: input.actorId ?? null,
      details: input.details ?? {},
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
    details: input.details ?? {},
    at: row!.at.toISOString(),
  });
}
