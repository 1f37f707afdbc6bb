import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { CustomerConversation } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { customerVisibleMessagePage } from "../../access/customer-messages.js";
import type { MessagePageQuery } from "../../../shared/conversation.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { customerTicketColumns, toCustomerTicket } from "./customer-ticket-view.js";
import { notFound } from "../service-error.js";

/** One of the customer's tickets with a page of its public messages; a ticket outside their scope is not found. */
export async function getCustomerConversation(
  db: Db,
  input: { actor: CustomerActor; ticketId: string; page?: MessagePageQuery },
): Promise<CustomerConversation> {
  const { workspace, scope } = input.actor;
  const [ticket] = await db
    .select(customerTicketColumns)
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), scopeCondition(workspace.id, scope)))
    .limit(1);
  if (!ticket) throw notFound("Conversation");
  const { before, limit } = input.page ?? { limit: 50 };
  const { messages: thread, olderCursor } = await customerVisibleMessagePage(db, {
    where: eq(messages.ticketId, ticket.id),
    before,
    limit,
  });
  // The ticket's last activity is its newest message, which only the first page holds.
  const last = before
    ? (await customerVisibleMessagePage(db, { where: eq(messages.ticketId, ticket.id), limit: 1 })).messages[0]
    : thread[thread.length - 1];
  return { ticket: toCustomerTicket(ticket, last ? new Date(last.createdAt) : null), messages: thread, olderCursor };
}
