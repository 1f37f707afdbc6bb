import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import { notFound } from "../service-error.js";
import { plainRecordingGzip } from "./plain-recording.js";

/** The recording as gzip of plain rrweb events, for a ticket of the agent's workspace. */
export async function loadRecording(db: Db, input: { workspaceId: string; ticketId: string }): Promise<Buffer> {
  const [row] = await db
    .select({ status: tickets.recordingStatus, base64: sql<string | null>`encode(${recordings.gzip}, 'base64')` })
    .from(tickets)
    .leftJoin(recordings, eq(recordings.ticketId, tickets.id))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!row) throw notFound("Ticket");
  if (!row.base64) throw notFound("Recording");
  return plainRecordingGzip(Buffer.from(row.base64, "base64"));
}
