import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { type BlobStore, ticketPrefix } from "../../server/storage/blob-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { waitFor } from "../helpers/server-processes.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/** A body sent in two halves: the second only once `release` is called, after the server has read the first. */
function heldBody(bytes: Uint8Array) {
  const half = Math.floor(bytes.byteLength / 2);
  const parts = [bytes.subarray(0, half), bytes.subarray(half)];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const state = { firstRead: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = parts.shift();
        if (!next) return controller.close();
        // Asked for the second half: the server is past its checks and storing the first.
        if (parts.length === 0) {
          state.firstRead = true;
          await gate;
        }
        controller.enqueue(next.slice());
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state, release };
}

/**
 * A deleted or erased ticket keeps no file that was on its way when an admin removed it (the upload of a slow
 * connection, or the widget's outbox sending the recording days later): no object in the bucket, no row.
 */
describe.each(DATABASE_KINDS)("uploads racing a deletion or an erasure on %s with S3", (kind) => {
  let database: Database;
  let s3: TestS3;
  let blobs: BlobStore;
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), startS3()]);
    blobs = s3BlobStore(s3.settings);
    t = await createTestApp(database, {}, blobs);
    cookie = await t.login();
  });
  afterAll(async () => {
    await blobs?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  const admin = (method: string, path: string, body?: unknown) =>
    t.request(path, {
      method,
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const removals = {
    deleted: (ticket: { id: string }) => admin("DELETE", `/api/v1/tickets/${ticket.id}`),
    erased: (_: unknown, email: string) => admin("POST", "/api/v1/privacy/erase", { email }),
  };
  const uploads = {
    recording: (ticket: { id: string; uploadToken: string }, body: BodyInit) =>
      t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
        method: "PUT",
        headers: { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` },
        body,
        duplex: "half",
      } as RequestInit),
    attachment: (ticket: { id: string; uploadToken: string }, body: BodyInit) =>
      t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=statement.txt`, {
        method: "POST",
        headers: {
          Origin: CUSTOMER_ORIGIN,
          Authorization: `Bearer ${ticket.uploadToken}`,
          "Content-Type": "text/plain",
        },
        body,
        duplex: "half",
      } as RequestInit),
  };
  const bytesOf = {
    recording: () => gzipSync(JSON.stringify(sampleEvents())),
    attachment: () => new TextEncoder().encode("statement of account ".repeat(2000)),
  };

  async function fileTicket(email: string) {
    const res = await t.createTicket(ticketBody({ email }));
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; uploadToken: string };
  }
  async function filesLeft(ticketId: string) {
    const rows = rowsOf<{ n: number }>(
      await database.db.execute(sql`select (select count(*) from recordings where ticket_id = ${ticketId}::uuid)
        + (select count(*) from attachments where ticket_id = ${ticketId}::uuid) as n`),
    );
    return { objects: await blobs.list(ticketPrefix(t.workspace.id, ticketId)), rows: Number(rows[0]!.n) };
  }

  for (const kindOfFile of ["recording", "attachment"] as const) {
    for (const removal of ["deleted", "erased"] as const) {
      it(`a ${kindOfFile} whose upload finishes after its ticket was ${removal} leaves nothing behind`, async () => {
        const email = `${kindOfFile}-${removal}@race.example`;
        const ticket = await fileTicket(email);
        const body = heldBody(bytesOf[kindOfFile]());
        const answer = uploads[kindOfFile](ticket, body.stream);
        await waitFor(async () => body.state.firstRead, 10_000, "the server to read the first half");
        expect((await removals[removal](ticket, email)).status).toBeLessThan(300);
        body.release();
        expect((await answer).status).toBe(404);
        expect(await filesLeft(ticket.id)).toEqual({ objects: [], rows: 0 });
      });
    }
    it(`a ${kindOfFile} sent after its customer was erased (the widget's outbox, days later) is refused`, async () => {
      const email = `${kindOfFile}-late@race.example`;
      const ticket = await fileTicket(email);
      expect((await removals.erased(ticket, email)).status).toBe(200);
      const res = await uploads[kindOfFile](ticket, bytesOf[kindOfFile]() as unknown as BodyInit);
      expect(res.status).toBe(404);
      expect(await filesLeft(ticket.id)).toEqual({ objects: [], rows: 0 });
    });
  }
});
