import type { WorkspaceActor } from "../../access/actor.js";
import { buffer } from "node:stream/consumers";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import type { BlobStore } from "../../storage/blob-store.js";
import { notFound } from "../service-error.js";
import { plainRecordingGzip } from "./plain-recording.js";

/** The recording as gzip of plain rrweb events (packed uploads unpacked here, off the ingest path), for a ticket of the agent's workspace (never a public bucket URL). */
export async function loadRecording(
  db: Db,
  blobs: BlobStore,
  input: { actor: WorkspaceActor; ticketId: string },
): Promise<Buffer> {
  const [row] = await db
    .select({
      blobKey: recordings.blobKey,
      // Rows written before blob storage, until `npm run migrate:blobs` has moved them.
      legacy: sql<string | null>`encode(${recordings.gzip}, 'base64')`,
    })
    .from(tickets)
    .leftJoin(recordings, eq(recordings.ticketId, tickets.id))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.actor.workspaceId)))
    .limit(1);
  if (!row) throw notFound("Ticket");
  if (row.blobKey) {
    const stream = await blobs.get(row.blobKey);
    if (stream) return plainRecordingGzip(await buffer(stream));
  }
  if (row.legacy) return plainRecordingGzip(Buffer.from(row.legacy, "base64"));
  throw notFound("Recording");
}
