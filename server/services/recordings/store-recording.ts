import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings } from "../../db/schema.js";
import { rowsOf } from "../../lib/rows-of.js";
import { recordingUploads } from "../../db/schema-hardening.js";
import { LIMITS } from "../../../shared/limits.js";
import type { TicketHolder } from "../../access/upload-token.js";
import { notFound, ServiceError } from "../service-error.js";
import { lockTicketTakingFiles } from "../privacy/ticket-takes-files.js";
import { hashUpload, type ReadUpload, readUpload } from "./read-upload.js";
import { type BlobStore, recordingKey } from "../../storage/blob-store.js";

export interface StoreRecordingInput {
  /** Authenticated by server/access before the body was read. */
  holder: TicketHolder;
  body: ReadableStream<Uint8Array> | null;
  /** The request's Content-Length, when it declared one: object storage then takes the stream as one PUT. */
  length?: number;
  maxRawBytes?: number;
  /** Where the bytes go (server/storage); the row keeps only the key and the summary. */
  blobs: BlobStore;
}

/**
 * Stores a ticket's one recording in the blob store (server/storage) as sent, the widget's packed layout included:
 * the body streams through the checks (read-upload.ts) into the store, never held whole and never re-compressed; a
 * replay unpacks it (plain-recording.ts). A retry of the same bytes is answered as stored, a different recording for
 * the same ticket is 409.
 */
export async function storeRecording(db: Db, input: StoreRecordingInput): Promise<{ replayed: boolean }> {
  const ticketId = input.holder.ticketId;
  const limits = {
    maxCompressedBytes: LIMITS.recordingCompressedBytes,
    maxRawBytes: input.maxRawBytes ?? LIMITS.recordingRawBytes,
  };
  // Read with the token (authenticateTicketHolder); a holder made elsewhere is asked here.
  const stored = "storedRecording" in input.holder ? input.holder.storedRecording : await storedHash(db, ticketId);
  if (stored !== undefined) {
    if (stored === (await hashUpload(input.body, limits.maxCompressedBytes))) return { replayed: true };
    throw alreadyStored();
  }
  // Its own key per attempt: two racing uploads never write over each other's bytes; the loser deletes its copy.
  const blobKey = recordingKey(input.holder.workspace.id, ticketId, randomBytes(8).toString("hex"));
  // Written before the row (outside its statement: the PostgreSQL blob store may share PGlite's one connection), so
  // a stored row always points at bytes.
  const upload = await streamIntoStore(input, limits, blobKey);
  const claim = await claimRecording(db, ticketId, blobKey, upload).catch(async (error: unknown) => {
    await input.blobs.delete(blobKey).catch(() => undefined);
    throw error;
  });
  if (claim === "claimed") return { replayed: false };
  // Two uploads raced (the other one stored it), or the ticket was deleted or erased while this one streamed.
  await input.blobs.delete(blobKey).catch(() => undefined);
  if (claim === "ticket_gone") throw notFound("Ticket");
  if ((await storedHash(db, ticketId)) === upload.sha256) return { replayed: true };
  throw alreadyStored();
}

/** Checks the upload while its bytes stream into the store; on any failure the partial blob is gone. */
async function streamIntoStore(
  input: StoreRecordingInput,
  limits: { maxCompressedBytes: number; maxRawBytes: number },
  blobKey: string,
): Promise<ReadUpload> {
  const stream = new PassThrough();
  let storeFailed: { error: unknown } | undefined;
  // Never left rejected unobserved: its failure is read after the upload, or stops the upload at its next chunk.
  const put = input.blobs.put(blobKey, stream, "application/gzip", input.length).catch((error: unknown) => {
    storeFailed = { error };
    stream.destroy();
  });
  let forwarded = 0;
  try {
    const upload = await readUpload(input.body, limits, async (chunk) => {
      if (storeFailed) throw storeFailed.error;
      forwarded += chunk.byteLength;
      if (input.length !== undefined && forwarded > input.length) throw lengthMismatch();
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve) => {
          stream.once("drain", resolve);
          stream.once("close", resolve);
        });
      }
    });
    if (input.length !== undefined && forwarded !== input.length) throw lengthMismatch();
    stream.end();
    await put;
    if (storeFailed) throw storeFailed.error;
    return upload;
  } catch (error) {
    stream.destroy();
    await put;
    await input.blobs.delete(blobKey).catch(() => undefined);
    throw error;
  }
}

/**
 * The upload's claim, its row and the ticket's status in one statement (one round trip, atomic without BEGIN/COMMIT),
 * written only while the ticket, locked first, still takes files (lockTicketTakingFiles). "taken" when another upload
 * claimed the ticket first, "ticket_gone" when it was deleted or erased.
 */
async function claimRecording(
  db: Db,
  ticketId: string,
  blobKey: string,
  upload: ReadUpload,
): Promise<"claimed" | "taken" | "ticket_gone"> {
  const result = await db.execute(sql`
    with ticket as (${lockTicketTakingFiles(ticketId)}),
    claimed as (
      insert into recording_uploads (ticket_id, sha256) select id, ${upload.sha256} from ticket
      on conflict do nothing
      returning ticket_id
    ),
    recording as (
      insert into recordings (ticket_id, blob_key, compressed_bytes, raw_bytes, event_count, started_at, ended_at)
      select ticket_id, ${blobKey}, ${upload.compressedBytes}::integer, ${upload.rawBytes}::integer,
        ${upload.count}::integer, ${upload.startedAt}::bigint, ${upload.endedAt}::bigint
      from claimed
      on conflict do nothing
    ),
    stored as (
      update tickets set recording_status = 'stored', updated_at = now() where id in (select ticket_id from claimed)
    )
    select (select count(*) from ticket)::int as takes, (select count(*) from claimed)::int as claimed`);
  const [row] = rowsOf<{ takes: number; claimed: number }>(result);
  if (!Number(row?.takes)) return "ticket_gone";
  return Number(row?.claimed) > 0 ? "claimed" : "taken";
}

const lengthMismatch = () => new ServiceError("bad_request", "The body's length differs from its Content-Length");

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
