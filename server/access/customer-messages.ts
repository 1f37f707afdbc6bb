import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents, messages } from "../db/schema.js";
import type { CustomerMessage } from "../../shared/customer-api.js";
import type { MessageRow } from "../services/tickets/message-view.js";
import { messageCursorAt, newestPage, olderThan } from "../services/tickets/message-page.js";

/**
 * The one place internal notes are kept from customers: every message a widget caller reads comes through here, public
 * messages only, shaped without agent ids or the internal flag. `where` narrows by ticket (already scoped by the caller).
 */
export async function customerVisibleMessages(
  db: Db,
  input: { where: SQL; limit?: number },
): Promise<CustomerMessage[]> {
  const query = db
    .select({ message: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(and(input.where, eq(messages.internal, false)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const rows = input.limit ? await query.limit(input.limit) : await query;
  return rows.map(({ message, agentName }) => toCustomerMessage({ ...message, agentName }));
}

/** A page of a customer's thread: the newest `limit` public messages before `before`, oldest first. */
export async function customerVisibleMessagePage(
  db: Db,
  input: { where: SQL; before?: string; limit: number },
): Promise<{ messages: CustomerMessage[]; olderCursor: string | null }> {
  const rows = await db
    .select({ message: messages, agentName: agents.name, cursorAt: messageCursorAt, id: messages.id })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(and(input.where, eq(messages.internal, false), input.before ? olderThan(input.before) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(input.limit + 1);
  const { page, olderCursor } = newestPage(rows, input.limit);
  return { messages: page.map(({ message, agentName }) => toCustomerMessage({ ...message, agentName })), olderCursor };
}

/** What the customer may see of one public message: no agent ids, no internal flag. */
export function toCustomerMessage(row: MessageRow): CustomerMessage {
  if (row.internal) throw new Error("An internal note must never be shaped for a customer");
  return {
    id: row.id,
    ticketId: row.ticketId,
    authorType: row.authorType,
    authorName: row.authorType === "agent" ? (row.agentName ?? "Support") : null,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
