import type { Message } from "../../../shared/conversation.js";
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
