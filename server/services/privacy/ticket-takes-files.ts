import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";
import { type BlobStore, deletePrefix, ticketPrefix } from "../../storage/blob-store.js";

/**
 * Called in the transaction that writes a stored file's row (recording, attachment), after its bytes are in the blob
 * store: false when the ticket was deleted or erased meanwhile, and the caller then deletes those bytes. The row lock
 * waits for an erasure or deletion in progress (they lock the ticket row), so one that began before this row is
 * written also removes it (removeTicketFiles). Not a share lock: two uploads that both held one would deadlock on
 * the recording claim's update of the ticket.
 */
export async function ticketTakesFiles(tx: Db, ticketId: string): Promise<boolean> {
  const locked = rowsOf(await tx.execute(sql`select id from tickets where id = ${ticketId}::uuid for no key update`));
  if (locked.length === 0) return false;
  // A statement of its own: under READ COMMITTED it sees an erasure that committed while the lock was awaited.
  const erased = rowsOf(await tx.execute(sql`select 1 from anonymised_tickets where ticket_id = ${ticketId}::uuid`));
  return erased.length === 0;
}

/**
 * Deletes a ticket's blobs once its rows are gone or anonymised: an upload whose row was written before that (its
 * bytes stored before the first pass over the prefix, or while it ran) leaves no object behind.
 */
export async function removeTicketFiles(blobs: BlobStore, workspaceId: string, ticketId: string): Promise<number> {
  return deletePrefix(blobs, ticketPrefix(workspaceId, ticketId));
}
