import { gzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { recordings, tickets } from "../../server/db/schema.js";
import { moveLegacyRecordings } from "../../server/services/recordings/move-legacy-recordings.js";
import { type BlobStore, ticketPrefix } from "../../server/storage/blob-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { createTestApp, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/**
 * `npm run migrate:blobs` runs while the server serves (the README says so): a ticket deleted while its recording is
 * copied, or a second run of the command at the same time, leaves no object without a row.
 */
describe.each(DATABASE_KINDS)("migrate:blobs alongside a running server on %s with S3", (kind) => {
  let database: Database;
  let s3: TestS3;
  let blobs: BlobStore;
  let t: TestApp;
  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), startS3()]);
    blobs = s3BlobStore(s3.settings);
    t = await createTestApp(database, {}, blobs);
  });
  afterAll(async () => {
    await blobs?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  async function legacyTicket(): Promise<string> {
    const ticket = (await (await t.createTicket(ticketBody())).json()) as { id: string };
    const base64 = gzipSync(JSON.stringify(sampleEvents())).toString("base64");
    await database.db.execute(sql`insert into recordings (ticket_id, gzip, compressed_bytes, raw_bytes, event_count,
      started_at, ended_at) values (${ticket.id}, decode(${base64}, 'base64'), 100, 300, 3, 1, 2)`);
    return ticket.id;
  }
  const objects = (ticketId: string) => blobs.list(ticketPrefix(t.workspace.id, ticketId));

  it("a ticket deleted while its recording is copied leaves no object", async () => {
    const ticketId = await legacyTicket();
    // An admin deletes the ticket while the command writes its recording to the bucket.
    const deletingMeanwhile: BlobStore = {
      ...blobs,
      async put(key, body, contentType, length) {
        await database.db.delete(tickets).where(eq(tickets.id, ticketId));
        await blobs.put(key, body, contentType, length);
      },
    };
    const result = await moveLegacyRecordings(database.db, deletingMeanwhile);
    expect(result.moved).toBe(0);
    expect(await objects(ticketId)).toEqual([]);
  });

  it("two runs at once store each recording once, and the row points at it", async () => {
    const ticketId = await legacyTicket();
    const [a, b] = await Promise.all([
      moveLegacyRecordings(database.db, blobs),
      moveLegacyRecordings(database.db, blobs),
    ]);
    expect(a.moved + b.moved).toBe(1);
    const [row] = await database.db
      .select({ blobKey: recordings.blobKey })
      .from(recordings)
      .where(eq(recordings.ticketId, ticketId));
    expect(await objects(ticketId)).toEqual([row!.blobKey]);
  });
});
