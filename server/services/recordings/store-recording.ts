import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets, workspaces } from "../../db/schema.js";
import { LIMITS } from "../../../shared/limits.js";
import {
  isPackedRecording,
  type PackedRecording,
  PackedRecordingError,
  unpackEvents,
} from "../../../shared/recording-pack.js";
import { safeEqual } from "../../lib/crypto.js";
import { uploadTokenFor } from "../customer/create-ticket.js";
import { assertOriginAllowed } from "../../access/find-widget-workspace.js";
import { notFound, ServiceError } from "../service-error.js";
import { type BlobStore, recordingKey } from "../../storage/blob-store.js";

const gunzipAsync = promisify(gunzip);
const EVENT_FULL_SNAPSHOT = 2;

export interface StoreRecordingInput {
  ticketId: string;
  uploadToken: string | undefined;
  origin: string | undefined;
  ownOrigin: string;
  gzip: Uint8Array;
  maxRawBytes?: number;
  /** Where the bytes go (server/storage); the row keeps only the key and the summary. */
  blobs: BlobStore;
}

/**
 * Checks the upload token, inflates with a ceiling (gzip bombs get 413), validates the events and stores the gzip as
 * sent, plain or packed (shared/recording-pack.ts); GET .../recording unpacks a packed one (plain-recording.ts).
 */
export async function storeRecording(db: Db, input: StoreRecordingInput): Promise<void> {
  const [row] = await db
    .select({ ticket: { id: tickets.id }, workspace: workspaces })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, input.ticketId))
    .limit(1);
  if (!row) throw notFound("Ticket");
  if (!input.uploadToken || !safeEqual(uploadTokenFor(row.workspace, row.ticket.id), input.uploadToken)) {
    throw new ServiceError("unauthorized", "Invalid upload token for this ticket");
  }
  assertOriginAllowed(row.workspace, input.origin, input.ownOrigin);

  const events = await inflateEvents(input.gzip, input.maxRawBytes ?? LIMITS.recordingRawBytes);
  // Stored as sent: a packed upload is unpacked when it is replayed (plain-recording.ts), not on this hot path.
  const stored = input.gzip;
  const blobKey = recordingKey(row.workspace.id, row.ticket.id);
  await input.blobs.put(blobKey, stored, "application/gzip");
  const values = {
    gzip: null,
    blobKey,
    compressedBytes: stored.byteLength,
    rawBytes: events.rawBytes,
    eventCount: events.count,
    startedAt: events.startedAt,
    endedAt: events.endedAt,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(recordings)
      .values({ ticketId: row.ticket.id, ...values } as never)
      .onConflictDoUpdate({
        target: recordings.ticketId,
        // excluded.gzip: the recording's bytes travel to the database once, not twice.
        set: { ...values, gzip: sql`excluded.gzip`, createdAt: sql`now()` } as never,
      });
    await tx
      .update(tickets)
      .set({ recordingStatus: "stored", updatedAt: sql`now()` })
      .where(eq(tickets.id, row.ticket.id));
  });
}

interface EventsSummary {
  count: number;
  rawBytes: number;
  startedAt: number;
  endedAt: number;
}

export async function inflateEvents(gzip: Uint8Array, maxRawBytes: number): Promise<EventsSummary> {
  if (gzip.byteLength < 2 || gzip[0] !== 0x1f || gzip[1] !== 0x8b) {
    throw new ServiceError("bad_request", "The recording must be gzip-compressed JSON");
  }
  let raw: Buffer;
  try {
    raw = await gunzipAsync(gzip, { maxOutputLength: maxRawBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      throw new ServiceError(
        "payload_too_large",
        `The recording is larger than ${maxRawBytes / 1024 / 1024} MB uncompressed`,
      );
    }
    throw new ServiceError("bad_request", "The recording is not valid gzip");
  }
  let events: unknown;
  try {
    events = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ServiceError("bad_request", "The recording is not valid JSON");
  }
  const packed = isPackedRecording(events);
  if (packed) {
    try {
      events = unpackEvents(events as PackedRecording);
    } catch (error) {
      if (!(error instanceof PackedRecordingError)) throw error;
      throw new ServiceError("validation_failed", "The packed recording is malformed", [
        { path: "events", message: error.message },
      ]);
    }
    // The unpacked size, estimated without serialising it: packing at most halves a recording's JSON.
    if (raw.byteLength * 2 > maxRawBytes) {
      throw new ServiceError(
        "payload_too_large",
        `The recording is larger than ${maxRawBytes / 1024 / 1024} MB uncompressed`,
      );
    }
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new ServiceError("validation_failed", "The recording must be a non-empty array of rrweb events", [
      { path: "", message: "expected a non-empty array" },
    ]);
  }
  let hasFullSnapshot = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as { type?: unknown; timestamp?: unknown } | null;
    if (!e || typeof e.type !== "number" || typeof e.timestamp !== "number") {
      throw new ServiceError(
        "validation_failed",
        "The recording contains an event without a numeric type and timestamp",
        [{ path: String(i), message: "expected { type: number, timestamp: number }" }],
      );
    }
    if (e.type === EVENT_FULL_SNAPSHOT) hasFullSnapshot = true;
  }
  if (!hasFullSnapshot) {
    throw new ServiceError("validation_failed", "The recording has no full snapshot, so it cannot be replayed", [
      { path: "", message: "no full snapshot event (type 2)" },
    ]);
  }
  const timestamps = events.map((e: { timestamp: number }) => e.timestamp);
  return {
    count: events.length,
    rawBytes: packed ? raw.byteLength * 2 : raw.byteLength,
    startedAt: Math.min(...timestamps.slice(0, 1000)),
    endedAt: Math.max(...timestamps.slice(-1000)),
  };
}
