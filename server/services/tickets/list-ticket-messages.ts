import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, messages } from "../../db/schema.js";
import type { MessageList } from "../../../shared/conversation.js";
import { toMessage } from "./message-view.js";
import { findTicket } from "./workspace-ticket.js";

/** The whole conversation for agents: customer messages, public replies and internal notes, oldest first. */
export async function listTicketMessages(
  db: Db,
  input: { workspaceId: string; ticketId: string },
): Promise<MessageList> {
  const ticket = await findTicket(db, input.workspaceId, input.ticketId);
  const rows = await db
    .select({ message: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(eq(messages.ticketId, input.ticketId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const customerName = ticket.customerName ?? ticket.customerEmail;
  return { messages: rows.map((r) => toMessage({ ...r.message, agentName: r.agentName }, customerName)) };
}
