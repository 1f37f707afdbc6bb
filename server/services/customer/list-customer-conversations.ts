import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, messages, tickets } from "../../db/schema.js";
import type { CustomerConversationList } from "../../../shared/customer-api.js";
import { scopeCondition, type CustomerScope } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";
import { toCustomerMessage } from "../tickets/message-view.js";

const MAX_CONVERSATIONS = 50;

/** The customer's tickets (newest activity first) with their public messages; internal notes never included. */
export async function listCustomerConversations(
  db: Db,
  input: { workspaceId: string; scope: CustomerScope },
): Promise<CustomerConversationList> {
  const rows = await db
    .select(customerTicketColumns)
    .from(tickets)
    .where(scopeCondition(input.workspaceId, input.scope))
    .orderBy(desc(tickets.updatedAt))
    .limit(MAX_CONVERSATIONS);
  if (rows.length === 0) return { conversations: [] };
  const messageRows = await db
    .select({ message: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(
      and(
        inArray(
          messages.ticketId,
          rows.map((r) => r.id),
        ),
        eq(messages.internal, false),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const byTicket = new Map<string, ReturnType<typeof toCustomerMessage>[]>();
  for (const { message, agentName } of messageRows) {
    const list = byTicket.get(message.ticketId) ?? [];
    list.push(toCustomerMessage({ ...message, agentName }));
    byTicket.set(message.ticketId, list);
  }
  const conversations = rows.map((row) => {
    const thread = byTicket.get(row.id) ?? [];
    const last = thread[thread.length - 1];
    return { ...toCustomerTicket(row, last ? new Date(last.createdAt) : null), messages: thread };
  });
  conversations.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  return { conversations };
}
