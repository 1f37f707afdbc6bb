import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { CustomerConversation } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { customerVisibleMessages } from "../../access/customer-messages.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";
import { notFound } from "../service-error.js";

/** One of the customer's tickets with its public messages; a ticket outside their scope is not found. */
export async function getCustomerConversation(
  db: Db,
  input: { actor: CustomerActor; ticketId: string },
): Promise<CustomerConversation> {
  const { workspace, scope } = input.actor;
  const [ticket] = await db
    .select(customerTicketColumns)
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), scopeCondition(workspace.id, scope)))
    .limit(1);
  if (!ticket) throw notFound("Conversation");
  const thread = await customerVisibleMessages(db, { where: eq(messages.ticketId, ticket.id) });
  const last = thread[thread.length - 1];
  return { ticket: toCustomerTicket(ticket, last ? new Date(last.createdAt) : null), messages: thread };
}
