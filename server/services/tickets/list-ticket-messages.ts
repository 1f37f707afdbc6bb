import type { WorkspaceActor } from "../../access/actor.js";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, messages } from "../../db/schema.js";
import type { MessageList, MessagePageQuery } from "../../../shared/conversation.js";
import { toMessage } from "./message-view.js";
import { findTicket } from "./workspace-ticket.js";
import { messageCursorAt, newestPage, olderThan } from "./message-page.js";

/**
 * The conversation for agents (customer messages, public replies and internal notes), oldest first: its newest page,
 * or the page before `before`. A ticket with thousands of messages is never read whole.
 */
export async function listTicketMessages(
  db: Db,
  input: { actor: WorkspaceActor; ticketId: string; page?: MessagePageQuery },
): Promise<MessageList> {
  const { before, limit } = input.page ?? { limit: 50 };
  const ticket = await findTicket(db, input.actor.workspaceId, input.ticketId);
  const rows = await db
    .select({
      message: messages,
      // A reply sent with an API token shows under the token's name (stored with it), as its timeline event does.
      agentName: sql<string | null>`coalesce(${messages.authorName}, ${agents.name})`,
      cursorAt: messageCursorAt,
      id: messages.id,
    })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(and(eq(messages.ticketId, input.ticketId), before ? olderThan(before) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
  const { page, olderCursor } = newestPage(rows, limit);
  const customerName = ticket.customerName ?? ticket.customerEmail;
  return {
    messages: page.map((r) => toMessage({ ...r.message, agentName: r.agentName }, customerName)),
    olderCursor,
  };
}
