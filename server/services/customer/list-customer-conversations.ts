import { desc } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import type { CustomerConversationList, CustomerMessage } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { newestCustomerMessagesPerTicket } from "../../access/customer-messages.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";

const MAX_CONVERSATIONS = 50;
const MESSAGES_PER_CONVERSATION = 100;

/** The customer's tickets (newest activity first) with their public messages. */
export async function listCustomerConversations(
  db: Db,
  input: { actor: CustomerActor },
): Promise<CustomerConversationList> {
  const rows = await db
    .select(customerTicketColumns)
    .from(tickets)
    .where(scopeCondition(input.actor.workspace.id, input.actor.scope))
    .orderBy(desc(tickets.updatedAt))
    .limit(MAX_CONVERSATIONS);
  if (rows.length === 0) return { conversations: [] };
  // Bounded: a thread of thousands of messages sends its newest ones here, the rest page by page.
  const { messages: thread, olderCursors } = await newestCustomerMessagesPerTicket(db, {
    ticketIds: rows.map((r) => r.id),
    perTicket: MESSAGES_PER_CONVERSATION,
  });
  const byTicket = new Map<string, CustomerMessage[]>();
  for (const message of thread) {
    const list = byTicket.get(message.ticketId) ?? [];
    list.push(message);
    byTicket.set(message.ticketId, list);
  }
  const conversations = rows.map((row) => {
    const own = byTicket.get(row.id) ?? [];
    const last = own[own.length - 1];
    return {
      ...toCustomerTicket(row, last ? new Date(last.createdAt) : null),
      messages: own,
      olderCursor: olderCursors.get(row.id) ?? null,
    };
  });
  conversations.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { conversations };
}
