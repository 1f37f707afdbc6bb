import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, messages, tickets } from "../../db/schema.js";
import type { CustomerConversation } from "../../../shared/customer-api.js";
import { scopeCondition, type CustomerScope } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";
import { toCustomerMessage } from "../tickets/message-view.js";
import { notFound } from "../service-error.js";

/** One of the customer's tickets with its public messages; a ticket outside their scope is not found. */
export async function getCustomerConversation(
  db: Db,
  input: { workspaceId: string; scope: CustomerScope; ticketId: string },
): Promise<CustomerConversation> {
  const [ticket] = await db
    .select(customerTicketColumns)
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), scopeCondition(input.workspaceId, input.scope)))
    .limit(1);
  if (!ticket) throw notFound("Conversation");
  const rows = await db
    .select({ message: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(and(eq(messages.ticketId, ticket.id), eq(messages.internal, false)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const thread = rows.map((r) => toCustomerMessage({ ...r.message, agentName: r.agentName }));
  const last = thread[thread.length - 1];
  return { ticket: toCustomerTicket(ticket, last ? new Date(last.createdAt) : null), messages: thread };
}
