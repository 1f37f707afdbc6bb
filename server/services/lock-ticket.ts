import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets } from "../db/schema.js";
import { notFound } from "./service-error.js";

/**
 * The workspace's ticket, row-locked for the rest of the transaction so concurrent changes (two agents escalating,
 * a reply racing a status change) apply one after the other. Another workspace's ticket is not found.
 */
export async function lockTicket(tx: Db, workspaceId: string, ticketId: string): Promise<typeof tickets.$inferSelect> {
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.workspaceId, workspaceId)))
    .for("update")
    .limit(1);
  if (!ticket) throw notFound("Ticket");
  return ticket;
}
