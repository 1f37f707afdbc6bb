import { type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";
import { type BlobStore, deletePrefix, ticketPrefix } from "../../storage/blob-store.js";

/**
 * The address an erased ticket's customer email becomes (anonymiseTickets), in the same transaction that records the
 * erasure: the ticket row itself then says it is erased, which a statement that waited for its lock re-reads (below).
 */
export const erasedCustomerEmail = (ticketId: SQLWrapper) => sql`'erased-' || ${ticketId}::text || '@erased.invalid'`;

/**
 * The ticket's row, locked, while it still takes files; no row when it was deleted or erased. For a CTE of the
 * statement that writes a stored file's row, after its bytes are in the blob store: the caller deletes those bytes
 * when there is no row. The lock waits for an erasure or deletion in progress (they lock the ticket row), so one that
 * began before the file's row is written also removes it (removeTicketFiles). Once the lock is granted PostgreSQL
 * re-reads the newest version of the row and checks it again (READ COMMITTED): a deleted row is gone, an erased one
 * has the erased address. The anonymised_tickets test covers erasures committed before the statement began. Not a
 * share lock: two uploads that both held one would deadlock on the recording claim's update of the ticket.
 */
export const lockTicketTakingFiles = (ticketId: string) => sql`
  select t.id from tickets t
  where t.id = ${ticketId}::uuid and t.customer_email <> ${erasedCustomerEmail(sql`t.id`)}
    and not exists (select 1 from anonymised_tickets a where a.ticket_id = t.id)
  for no key update of t`;

/** lockTicketTakingFiles as a statement of its own, in the transaction that then writes the file's row. */
export async function ticketTakesFiles(tx: Db, ticketId: string): Promise<boolean> {
  return rowsOf(await tx.execute(lockTicketTakingFiles(ticketId))).length > 0;
}

/**
 * Deletes a ticket's blobs once its rows are gone or anonymised: an upload whose row was written before that (its
 * bytes stored before the first pass over the prefix, or while it ran) leaves no object behind.
 */
export async function removeTicketFiles(blobs: BlobStore, workspaceId: string, ticketId: string): Promise<number> {
  return deletePrefix(blobs, ticketPrefix(workspaceId, ticketId));
}
