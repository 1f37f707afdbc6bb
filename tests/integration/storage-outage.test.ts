import { createServer, type Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import type { BlobStore } from "../../server/storage/blob-store.js";
import { openBlobStore } from "../../server/storage/open-blob-store.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { freePort } from "../helpers/server-processes.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/**
 * The bucket is down for one process (stopped, unreachable): the customer's ticket is still filed, and the files they
 * send are answered 503 with Retry-After and a message saying to try again (the widget keeps the recording and sends
 * it again), not 500 "something went wrong"; sent again once storage is back, they are stored.
 */
describe.each(DATABASE_KINDS)("blob storage unreachable on %s", (kind) => {
  let database: Database;
  let s3: TestS3;
  const stores: BlobStore[] = [];
  let down: TestApp;
  let up: TestApp;
  let hung: TestApp;
  // Accepts connections and never answers: an overloaded store, or one behind half a network partition.
  const silent: Socket[] = [];
  const blackhole = createServer((socket) => void silent.push(socket.on("data", () => undefined)));

  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), startS3()]);
    const open = (endpoint: string) => {
      const store = openBlobStore(
        { s3: { ...s3.settings, endpoint } },
        { db: database.db, dataDir: undefined, sharedDatabase: true },
      );
      stores.push(store);
      return store;
    };
    // Nothing listens on this port: the store is as unreachable as a stopped S3 server.
    down = await createTestApp(database, {}, open(`http://127.0.0.1:${await freePort()}`));
    up = await createTestApp(database, {}, open(s3.settings.endpoint!));
    await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
    const { port } = blackhole.address() as { port: number };
    const quiet = openBlobStore(
      { s3: { ...s3.settings, endpoint: `http://127.0.0.1:${port}`, idleTimeoutMs: 300 } },
      { db: database.db, dataDir: undefined, sharedDatabase: true },
    );
    stores.push(quiet);
    hung = await createTestApp(database, {}, quiet);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const socket of silent) socket.destroy();
    blackhole.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  it("files the ticket, answers its files 503 with Retry-After, and stores them when sent again", async () => {
    const filed = await down.createTicket(ticketBody({ subject: "Export is broken" }));
    expect(filed.status).toBe(201);
    const ticket = (await filed.json()) as { id: string; uploadToken: string };
    const recording = gzipSync(JSON.stringify(sampleEvents()));
    const auth = { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` };
    const send = (app: TestApp) =>
      Promise.all([
        app.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
          method: "PUT",
          headers: auth,
          body: recording as unknown as BodyInit,
        }),
        app.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=notes.txt`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "text/plain" },
          body: "what I clicked",
        }),
      ]);

    for (const res of await send(down)) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/storage cannot be reached/i);
    }

    // The agent sees the ticket; its replay is "storage unreachable" too, not a server error.
    const cookie = await up.login();
    const agent = { Cookie: cookie, Origin: ORIGIN };
    expect((await up.request(`/api/v1/tickets/${ticket.id}`, { headers: agent })).status).toBe(200);

    const [again, file] = await send(up);
    expect(again.status).toBe(204);
    expect(file.status).toBe(201);
    expect((await up.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: agent })).status).toBe(200);
    const replay = await down.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: agent });
    expect(replay.status).toBe(503);
  });

  it("answers 503 when the store takes the connection but never answers, instead of waiting forever", async () => {
    const ticket = (await (await hung.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const auth = { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` };
    const recording = gzipSync(JSON.stringify(sampleEvents()));
    const put = await hung.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: { ...auth, "Content-Length": String(recording.byteLength) },
      body: recording as unknown as BodyInit,
    });
    expect(put.status).toBe(503);
    const file = await hung.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=notes.txt`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "text/plain" },
      body: "what I clicked",
    });
    expect(file.status).toBe(503);
  }, 30_000);
});
