import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents, messages } from "../db/schema.js";
import type { CustomerMessage } from "../../shared/customer-api.js";
import type { MessageRow } from "../services/tickets/message-view.js";

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
