import { randomBytes } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import { type BlobStore, recordingKey } from "../../storage/blob-store.js";

/**
 * Moves recordings stored as bytea rows (before blob storage) into the blob store, a batch at a time: each row is
 * written to the store first and only then cleared, so an interrupted run loses nothing and can simply run again.
 */
export async function moveLegacyRecordings(
  db: Db,
  blobs: BlobStore,
  options: { batchSize?: number; onProgress?: (moved: number) => void } = {},
): Promise<{ moved: number; bytes: number }> {
  const batchSize = options.batchSize ?? 50;
  let moved = 0;
  let bytes = 0;
  for (;;) {
    const batch = await db
      .select({
        ticketId: recordings.ticketId,
        workspaceId: tickets.workspaceId,
        base64: sql<string>`encode(${recordings.gzip}, 'base64')`,
      })
      .from(recordings)
      .innerJoin(tickets, eq(tickets.id, recordings.ticketId))
      .where(and(isNotNull(recordings.gzip), isNull(recordings.blobKey)))
      .limit(batchSize);
    if (batch.length === 0) return { moved, bytes };
    for (const row of batch) {
      const gzip = Buffer.from(row.base64, "base64");
      // Its own key per run: a concurrent run that loses the row below deletes its copy, never the winner's.
      const key = recordingKey(row.workspaceId, row.ticketId, randomBytes(8).toString("hex"));
      await blobs.put(key, gzip, "application/gzip");
      const updated = await db
        .update(recordings)
        .set({ blobKey: key, gzip: null })
        .where(and(eq(recordings.ticketId, row.ticketId), isNull(recordings.blobKey)))
        .returning({ ticketId: recordings.ticketId });
      // Moved by another run, or deleted, erased or expired while it was copied: no object stays without its row.
      if (updated.length === 0) {
        await blobs.delete(key);
        continue;
      }
      moved++;
      bytes += gzip.byteLength;
    }
    options.onProgress?.(moved);
  }
}
