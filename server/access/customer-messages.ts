import { and, asc, desc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
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

/**
 * The newest `perTicket` public messages of each of several tickets (oldest first), and for each ticket with more the
 * cursor to the page before them: one query however long the threads are.
 */
export async function newestCustomerMessagesPerTicket(
  db: Db,
  input: { ticketIds: string[]; perTicket: number },
): Promise<{ messages: CustomerMessage[]; olderCursors: Map<string, string> }> {
  const ranked = db
    .select({
      id: messages.id,
      ticketId: messages.ticketId,
      cursorAt: messageCursorAt.as("cursor_at"),
      rank: sql<number>`row_number() over (partition by ${messages.ticketId} order by ${messages.createdAt} desc, ${messages.id} desc)`.as(
        "rank",
      ),
    })
    .from(messages)
    .where(and(inArray(messages.ticketId, input.ticketIds), eq(messages.internal, false)))
    .as("ranked");
  const kept = await db
    .select({ id: ranked.id, ticketId: ranked.ticketId, cursorAt: ranked.cursorAt, rank: ranked.rank })
    .from(ranked)
    .where(lte(ranked.rank, input.perTicket + 1));
  const olderCursors = new Map<string, string>();
  const ids: string[] = [];
  const more = new Set(kept.filter((k) => Number(k.rank) > input.perTicket).map((k) => k.ticketId));
  for (const k of kept) {
    if (Number(k.rank) <= input.perTicket) ids.push(k.id);
    // The oldest message kept of a ticket that has more: the page before it starts there.
    if (Number(k.rank) === input.perTicket && more.has(k.ticketId)) {
      olderCursors.set(k.ticketId, Buffer.from(`${k.cursorAt}|${k.id}`).toString("base64url"));
    }
  }
  const list = ids.length ? await customerVisibleMessages(db, { where: inArray(messages.id, ids) }) : [];
  return { messages: list, olderCursors };
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
