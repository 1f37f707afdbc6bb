import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import { recordingUploads } from "../../db/schema-hardening.js";
import { LIMITS } from "../../../shared/limits.js";
import type { TicketHolder } from "../../access/upload-token.js";
import { ServiceError } from "../service-error.js";
import { hashUpload, readUpload } from "./read-upload.js";
import { type BlobStore, recordingKey } from "../../storage/blob-store.js";

export interface StoreRecordingInput {
  /** Authenticated by server/access before the body was read. */
  holder: TicketHolder;
  body: ReadableStream<Uint8Array> | null;
  maxRawBytes?: number;
  /** Where the bytes go (server/storage); the row keeps only the key and the summary. */
  blobs: BlobStore;
}

/**
 * Stores a ticket's one recording as gzip of a plain JSON array of rrweb events (what GET .../recording serves) in the blob store (server/storage): a
 * plain upload as sent, a packed one (shared/recording-pack.ts) unpacked and compressed again here, once, so reads
 * never pay for it. The body is streamed (read-upload.ts); a retry of the same bytes is answered as stored, a
 * different recording for the same ticket is 409.
 */
export async function storeRecording(db: Db, input: StoreRecordingInput): Promise<{ replayed: boolean }> {
  const ticketId = input.holder.ticketId;
  const limits = {
    maxCompressedBytes: LIMITS.recordingCompressedBytes,
    maxRawBytes: input.maxRawBytes ?? LIMITS.recordingRawBytes,
  };
  const stored = await storedHash(db, ticketId);
  if (stored !== undefined) {
    if (stored === (await hashUpload(input.body, limits.maxCompressedBytes))) return { replayed: true };
    throw alreadyStored();
  }
  const upload = await readUpload(input.body, limits);
  const blobKey = recordingKey(input.holder.workspace.id, ticketId, upload.sha256);
  // Written before the row (outside its transaction: the PostgreSQL blob store may share PGlite's one connection),
  // so a stored row always points at bytes; the loser of a race deletes its own copy.
  await input.blobs.put(blobKey, upload.gzip, "application/gzip");
  const values = {
    gzip: null,
    blobKey,
    compressedBytes: upload.gzip.byteLength,
    rawBytes: upload.rawBytes,
    eventCount: upload.count,
    startedAt: upload.startedAt,
    endedAt: upload.endedAt,
  };
  const inserted = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(recordingUploads)
      .values({ ticketId, sha256: upload.sha256 })
      .onConflictDoNothing()
      .returning({ ticketId: recordingUploads.ticketId });
    if (!claimed) return false;
    await tx
      .insert(recordings)
      .values({ ticketId, ...values } as never)
      .onConflictDoNothing();
    await tx.update(tickets).set({ recordingStatus: "stored", updatedAt: sql`now()` }).where(eq(tickets.id, ticketId));
    return true;
  });
  if (inserted) return { replayed: false };
  // Two uploads raced: the other one stored it.
  if ((await storedHash(db, ticketId)) === upload.sha256) return { replayed: true };
  await input.blobs.delete(blobKey).catch(() => undefined);
  throw alreadyStored();
}

/** The stored upload's hash; "" for a recording stored before hashes were kept (any upload then conflicts). */
async function storedHash(db: Db, ticketId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sha256: recordingUploads.sha256, hasRecording: sql<boolean>`true` })
    .from(recordings)
    .leftJoin(recordingUploads, eq(recordingUploads.ticketId, recordings.ticketId))
    .where(eq(recordings.ticketId, ticketId))
    .limit(1);
  return row ? (row.sha256 ?? "") : undefined;
}

const alreadyStored = () =>
  new ServiceError("conflict", "This ticket already has a different recording; a ticket keeps its first one");
