import { and, eq } from "drizzle-orm";
import type { WebhookEventType } from "../../../shared/notifications-api.js";
import { type WebhookPayload, webhookPayloadSchemas } from "../../../shared/webhook-payload.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import { consoleTicketUrl } from "./public-links.js";
import { ticketSummaryFields } from "./load-ticket-for-mail.js";

/** A recorded ticket event as the notification jobs receive it. */
export interface TicketEventJob {
  eventId: number;
  workspaceId: string;
  ticketId: string;
  type: string;
  actorType: "agent" | "customer" | "system";
  actorId: string | null;
  details: Record<string, unknown>;
  at: string;
}

/** Which webhook event a timeline event is, if any (internal notes never leave the building). */
export function webhookEventFor(event: Pick<TicketEventJob, "type" | "details">): WebhookEventType | null {
  switch (event.type) {
    case "created":
      return "ticket.created";
    case "triaged":
      return "ticket.triaged";
    case "assigned":
      return "ticket.assigned";
    case "escalated":
      return "ticket.escalated";
    case "bounced":
      return "ticket.bounced";
    case "status_changed":
      return event.details.to === "resolved" ? "ticket.resolved" : null;
    case "replied":
    case "customer_replied":
      return "message.created";
    case "feedback":
      return "feedback.received";
    default:
      return null;
  }
}

/**
 * The Standard Webhooks body: { type, timestamp, data: { ticket, event, message? } }, as documented by its shared schema
 * (shared/webhook-payload.ts, the OpenAPI document's `webhooks`). Parsed before it leaves: a body that drifted from the
 * contract is not sent (notify-event.ts logs it) instead of reaching receivers as something else.
 */
export async function buildEventPayload(
  db: Db,
  config: Config,
  event: TicketEventJob,
  type: WebhookEventType,
): Promise<WebhookPayload | null> {
  const [ticket] = await db
    .select({ ...ticketSummaryFields, createdAt: tickets.createdAt })
    .from(tickets)
    .where(and(eq(tickets.id, event.ticketId), eq(tickets.workspaceId, event.workspaceId)));
  if (!ticket) return null;
  const messageId = typeof event.details.messageId === "string" ? event.details.messageId : null;
  const [message] = messageId
    ? await db
        .select({ id: messages.id, authorType: messages.authorType, body: messages.body, internal: messages.internal })
        .from(messages)
        .where(and(eq(messages.id, messageId), eq(messages.ticketId, ticket.id)))
    : [];
  // Deleted since (erasure), or not public: there is no message to tell anyone about.
  if (type === "message.created" && (!message || message.internal)) return null;
  return webhookPayloadSchemas[type].parse({
    type,
    timestamp: event.at,
    data: {
      workspaceId: event.workspaceId,
      ticket: { ...ticket, createdAt: ticket.createdAt.toISOString(), url: consoleTicketUrl(config, ticket.id) },
      event: { type: event.type, actorType: event.actorType, actorId: event.actorId, details: event.details },
      ...(message && !message.internal
        ? { message: { id: message.id, authorType: message.authorType, body: message.body } }
        : {}),
    },
  });
}
