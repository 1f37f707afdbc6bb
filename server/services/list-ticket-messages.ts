import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents, messages, tickets } from "../db/schema.js";
import type { MessageList } from "../../shared/conversation.js";
import { toMessage } from "./message-view.js";
import { notFound } from "./service-error.js";

/** The whole conversation for agents: customer messages, public replies and internal notes, oldest first. */
export async function listTicketMessages(db: Db, input: { workspaceId: string; ticketId: string }): Promise<MessageList> {
  const [ticket] = await db
    .select({ customerName: tickets.customerName, customerEmail: tickets.customerEmail })
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!ticket) throw notFound("Ticket");
  const rows = await db
    .select({ message: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(eq(messages.ticketId, input.ticketId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const customerName = ticket.customerName ?? ticket.customerEmail;
  return { messages: rows.map((r) => toMessage({ ...r.message, agentName: r.agentName }, customerName)) };
}
