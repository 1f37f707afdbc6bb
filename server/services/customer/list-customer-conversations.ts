import { desc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { CustomerConversationList, CustomerMessage } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { customerVisibleMessages } from "../../access/customer-messages.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";

const MAX_CONVERSATIONS = 50;

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
  const thread = await customerVisibleMessages(db, {
    where: inArray(
      messages.ticketId,
      rows.map((r) => r.id),
    ),
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
    return { ...toCustomerTicket(row, last ? new Date(last.createdAt) : null), messages: own };
  });
  conversations.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { conversations };
}
