import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { notFound } from "../service-error.js";

type TicketRow = typeof tickets.$inferSelect;

function selectTicket(db: Db, workspaceId: string, ticketId: string) {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.workspaceId, workspaceId)))
    .limit(1);
}

/** The workspace's ticket; another workspace's ticket is not found (404, never 403: ids do not leak across tenants). */
export async function findTicket(db: Db, workspaceId: string, ticketId: string): Promise<TicketRow> {
  const [ticket] = await selectTicket(db, workspaceId, ticketId);
  if (!ticket) throw notFound("Ticket");
  return ticket;
}

/**
 * The workspace's ticket, row-locked for the rest of the transaction so concurrent changes (two agents escalating,
 * a reply racing a status change) apply one after the other. Another workspace's ticket is not found.
 */
export async function lockTicket(tx: Db, workspaceId: string, ticketId: string): Promise<TicketRow> {
  const [ticket] = await selectTicket(tx, workspaceId, ticketId).for("update");
  if (!ticket) throw notFound("Ticket");
  return ticket;
}
