import type { Message } from "../../../shared/conversation.js";
import type { CustomerMessage } from "../../../shared/customer-api.js";
import type { messages } from "../../db/schema.js";

export type MessageRow = typeof messages.$inferSelect & { agentName: string | null };

export function toMessage(row: MessageRow, customerName: string): Message {
  return {
    id: row.id,
    ticketId: row.ticketId,
    authorType: row.authorType,
    agentId: row.agentId,
    authorName: row.authorType === "agent" ? (row.agentName ?? "Former agent") : customerName,
    body: row.body,
    internal: row.internal,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the customer may see of a public message: no agent ids, no internal flag. */
export function toCustomerMessage(row: MessageRow): CustomerMessage {
  return {
    id: row.id,
    ticketId: row.ticketId,
    authorType: row.authorType,
    authorName: row.authorType === "agent" ? (row.agentName ?? "Support") : null,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
