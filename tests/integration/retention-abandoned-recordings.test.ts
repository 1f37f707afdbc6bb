import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { runRetentionSweep } from "../../server/services/privacy/run-retention-sweep.js";
import { type BlobStore, recordingKey } from "../../server/storage/blob-store.js";
import { postgresBlobStore } from "../../server/storage/postgres-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/**
 * Bytes of a recording can outlive their row: the process stops between the object's write and the row's, or the
 * delete of a losing upload's copy fails while the bucket is unreachable. Retention still deletes them on time.
 */
const CASES = DATABASE_KINDS.flatMap((kind) => (["s3", "postgres"] as const).map((store) => [kind, store] as const));

describe.each(CASES)("retention of recording objects without a row on %s with the %s blob store", (kind, store) => {
  let database: Database;
  let s3: TestS3 | undefined;
  let blobs: BlobStore;
  let t: TestApp;
  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), store === "s3" ? startS3() : undefined]);
    // The PostgreSQL store is the one the sweep's own transaction must not wait on (PGlite has one connection).
    blobs = s3 ? s3BlobStore(s3.settings) : postgresBlobStore(database.db);
    t = await createTestApp(database, {}, blobs);
  });
  afterAll(async () => {
    await blobs?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  const leftover = (ticketId: string, version: string) =>
    blobs.put(recordingKey(t.workspace.id, ticketId, version), Readable.from([gzipSync("customer screen")]));
  const objects = (ticketId: string) => blobs.list(`ws/${t.workspace.id}/tickets/${ticketId}/`);
  const age = (table: "tickets" | "recordings", column: "id" | "ticket_id", id: string) =>
    database.db.execute(
      sql`update ${sql.raw(table)} set created_at = now() - interval '91 days' where ${sql.raw(column)} = ${id}`,
    );

  it("deletes a stored recording's stray copies with it, and an upload that never got its row", async () => {
    const stored = (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const put = await t.request(`/api/v1/widget/tickets/${stored.id}/recording`, {
      method: "PUT",
      headers: { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${stored.uploadToken}` },
      body: gzipSync(JSON.stringify(sampleEvents())) as unknown as BodyInit,
    });
    expect(put.status).toBe(204);
    await leftover(stored.id, "0123456789abcdef");
    const abandoned = (await (await t.createTicket(ticketBody())).json()) as { id: string };
    await leftover(abandoned.id, "fedcba9876543210");
    const recent = (await (await t.createTicket(ticketBody())).json()) as { id: string };
    await leftover(recent.id, "00112233445566ff"); // its upload may still be under way: kept
    expect(await objects(stored.id)).toHaveLength(2);

    await age("recordings", "ticket_id", stored.id);
    await age("tickets", "id", abandoned.id);
    expect(await runRetentionSweep(database.db, blobs)).toMatchObject({ recordingsDeleted: 1 });
    expect(await objects(stored.id)).toEqual([]);
    expect(await objects(abandoned.id)).toEqual([]);
    expect(await objects(recent.id)).toHaveLength(1);
    const status = await database.db.execute(
      sql`select id, recording_status from tickets where id in (${abandoned.id}, ${recent.id})`,
    );
    const byId = Object.fromEntries(
      rowsOf<{ id: string; recording_status: string }>(status).map((r) => [r.id, r.recording_status]),
    );
    expect(byId).toEqual({ [abandoned.id]: "none", [recent.id]: "pending" });
  });

  it("anonymises an old closed ticket with its files in the same sweep", async () => {
    const closed = (await (await t.createTicket(ticketBody())).json()) as { id: string };
    await leftover(closed.id, "aabbccddeeff0011");
    await database.db.execute(sql`insert into retention_settings (workspace_id, recording_days, anonymise_closed_after_days)
      values (${t.workspace.id}, 90, 30) on conflict (workspace_id) do update set anonymise_closed_after_days = 30`);
    await database.db.execute(
      sql`update tickets set status = 'closed', updated_at = now() - interval '31 days' where id = ${closed.id}`,
    );
    expect(await runRetentionSweep(database.db, blobs)).toMatchObject({ ticketsAnonymised: 1 });
    expect(await objects(closed.id)).toEqual([]);
  });
});
