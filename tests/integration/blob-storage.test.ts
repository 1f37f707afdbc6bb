import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { recordings, tickets } from "../../server/db/schema.js";
import { packEvents } from "../../shared/recording-pack.js";
import { moveLegacyRecordings } from "../../server/services/recordings/move-legacy-recordings.js";
import { type BlobStore, readAll } from "../../server/storage/blob-store.js";
import { fsBlobStore } from "../../server/storage/fs-store.js";
import { postgresBlobStore } from "../../server/storage/postgres-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

describe("blob stores keep bytes behind one interface", () => {
  let s3: TestS3;
  let dir: string;
  const stores: Record<string, BlobStore> = {};
  const databases: Database[] = [];
  // The PostgreSQL fallback on each driver.
  const postgresKinds = DATABASE_KINDS.map((kind) => `postgres store on ${kind}`);
  beforeAll(async () => {
    s3 = await startS3();
    dir = mkdtempSync(join(tmpdir(), "handoff-blobs-"));
    stores.s3 = s3BlobStore(s3.settings);
    stores.fs = fsBlobStore(dir);
    for (const [i, kind] of DATABASE_KINDS.entries()) {
      const database = await freshDatabase(kind);
      databases.push(database);
      stores[postgresKinds[i]!] = postgresBlobStore(database.db);
    }
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
    await stores.s3?.close();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ["s3", "fs", ...postgresKinds]) {
    it(`${kind}: puts a buffer and a stream, lists by prefix, reads back and deletes`, async () => {
      const store = stores[kind]!;
      await store.check();
      await store.put("ws/a/tickets/1/recording.json.gz", new Uint8Array([1, 2, 3]));
      // 6 MB in 64 KB chunks: more than one multipart part on S3, never one buffer.
      const chunk = Buffer.alloc(64 * 1024, 7);
      const stream = Readable.from(
        (function* () {
          for (let i = 0; i < 96; i++) yield chunk;
        })(),
      );
      await store.put("ws/a/tickets/1/attachments/big", stream);
      await store.put("ws/a/tickets/2/recording.json.gz", new Uint8Array([9]));

      expect(await store.list("ws/a/tickets/1/")).toEqual([
        "ws/a/tickets/1/attachments/big",
        "ws/a/tickets/1/recording.json.gz",
      ]);
      expect([...(await readAll((await store.get("ws/a/tickets/1/recording.json.gz"))!))]).toEqual([1, 2, 3]);
      expect((await readAll((await store.get("ws/a/tickets/1/attachments/big"))!)).byteLength).toBe(96 * 64 * 1024);
      expect(await store.get("ws/a/tickets/9/none")).toBeNull();

      await store.delete("ws/a/tickets/1/attachments/big");
      expect(await store.list("ws/a/")).toEqual([
        "ws/a/tickets/1/recording.json.gz",
        "ws/a/tickets/2/recording.json.gz",
      ]);
      await expect(store.put("../escape", new Uint8Array([1]))).rejects.toThrow(/Invalid blob key/);
    });

    it(`${kind}: streams a body of known length, and a body that fails midway leaves no blob`, async () => {
      const store = stores[kind]!;
      const chunk = Buffer.alloc(64 * 1024, 3);
      const chunks = (n: number, fail = false) =>
        Readable.from(
          (function* () {
            for (let i = 0; i < n; i++) yield chunk;
            if (fail) throw new Error("the upload broke off");
          })(),
        );
      await store.put("ws/b/tickets/1/recording.json.gz", chunks(20), undefined, 20 * chunk.byteLength);
      expect((await readAll((await store.get("ws/b/tickets/1/recording.json.gz"))!)).byteLength).toBe(20 * 65536);
      await expect(
        store.put("ws/b/tickets/2/recording.json.gz", chunks(10, true), undefined, 20 * 65536),
      ).rejects.toThrow();
      await expect(store.put("ws/b/tickets/3/recording.json.gz", chunks(10, true))).rejects.toThrow();
      expect(await store.list("ws/b/")).toEqual(["ws/b/tickets/1/recording.json.gz"]);
    });
  }

  for (const [i, kind] of postgresKinds.entries()) {
    it(`${kind}: a blob's bytes go to the database once per write, and a second write to its key replaces them`, async () => {
      // Each statement's parameters, as the driver gets them: a recording is ~150 KB, and it was bound twice (the
      // insert and its on-conflict update each had a copy), 2x the bytes encoded, sent and parsed per upload.
      const sent: unknown[] = [];
      const db = databases[i]!.db;
      // Every statement goes through the session's prepareQuery, built queries and db.execute alike.
      const session = new Proxy((db as unknown as { session: object }).session, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (prop !== "prepareQuery") return value;
          return (query: { params: unknown[] }, ...rest: unknown[]) => {
            sent.push(...query.params);
            return (value as (...a: unknown[]) => unknown).call(receiver, query, ...rest);
          };
        },
      });
      const counting = new Proxy(db, {
        get: (target, prop, receiver) => (prop === "session" ? session : Reflect.get(target, prop, receiver)),
      });
      const store = postgresBlobStore(counting);
      const first = Buffer.alloc(10_000, 1);
      const second = Buffer.alloc(20_000, 2);
      await store.put("ws/c/tickets/1/recording.json.gz", first);
      await store.put("ws/c/tickets/1/recording.json.gz", second);
      expect(sent.filter((p) => typeof p === "string" && p.length >= 10_000).map((p) => (p as string).length)).toEqual([
        first.toString("base64").length,
        second.toString("base64").length,
      ]);
      expect(Buffer.compare(await readAll((await store.get("ws/c/tickets/1/recording.json.gz"))!), second)).toBe(0);
    });
  }
});

describe.each(DATABASE_KINDS)("recordings in S3 on %s", (kind) => {
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

  const replay = (id: string, headers: Record<string, string> = {}) =>
    t.request(`/api/v1/tickets/${id}/recording`, { headers: { Cookie: cookie, ...headers } });

  it("stores an upload as an object, not in the database, and the agent replays it", async () => {
    const ticket = (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const events = sampleEvents();
    const upload = await t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` },
      body: gzipSync(JSON.stringify(events)) as unknown as BodyInit,
    });
    expect(upload.status).toBe(204);

    const keys = await blobs.list(`ws/${t.workspace.id}/tickets/${ticket.id}/`);
    // One object under the ticket's prefix, named by the upload's hash (two racing uploads never share a key).
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(
      new RegExp(`^ws/${t.workspace.id}/tickets/${ticket.id}/recording-[0-9a-f]{16}\\.json\\.gz$`),
    );
    const [row] = await database.db
      .select({ inRow: sql<boolean>`${recordings.gzip} is not null` })
      .from(recordings)
      .where(eq(recordings.ticketId, ticket.id));
    expect(row!.inRow).toBe(false);

    const gz = await replay(ticket.id, { "Accept-Encoding": "gzip" });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("x-content-type-options")).toBe("nosniff");
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(events);
    const plain = await replay(ticket.id);
    expect(await plain.json()).toEqual(events);
  });

  it("streams an upload of declared length into the bucket; one that fails its checks leaves no object", async () => {
    const newTicket = async () =>
      (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const upload = (ticket: { id: string; uploadToken: string }, body: Buffer) =>
      t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
        method: "PUT",
        headers: {
          Origin: CUSTOMER_ORIGIN,
          Authorization: `Bearer ${ticket.uploadToken}`,
          "Content-Length": String(body.byteLength),
        },
        body: body as unknown as BodyInit,
      });
    const good = await newTicket();
    const events = sampleEvents();
    expect((await upload(good, gzipSync(JSON.stringify(packEvents(events))))).status).toBe(204);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${good.id}/`)).toHaveLength(1);
    expect(await (await replay(good.id)).json()).toEqual(events);

    const bad = await newTicket();
    const noSnapshot = gzipSync(JSON.stringify(events.filter((e) => e.type !== 2)));
    expect((await upload(bad, noSnapshot)).status).toBe(422);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${bad.id}/`)).toEqual([]);
  });

  it("answers /readyz 200 while database and bucket answer, 503 naming the storage when the bucket is gone", async () => {
    const ready = await t.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, db: "reachable", storage: "reachable", storageKind: "s3" });

    // The same database, but object storage nobody answers at: the load balancer must take this process out.
    const gone = s3BlobStore({ ...s3.settings, endpoint: "http://127.0.0.1:1" });
    try {
      const cut = await createTestApp(database, {}, gone);
      const res = await cut.request("/readyz");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ok: false,
        db: "reachable",
        storage: "unreachable",
        reason: "storage unreachable",
      });
      expect((await cut.request("/healthz")).status).toBe(200);
    } finally {
      await gone.close();
    }
  });

  it("migrate:blobs moves bytea recordings to the bucket and they still replay", async () => {
    const events = sampleEvents(1_700_000_100_000);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ticket = (await (await t.createTicket(ticketBody({ subject: `Legacy ${i}` }))).json()) as { id: string };
      const base64 = gzipSync(JSON.stringify(events)).toString("base64");
      // A recording as the server stored it before blob storage: the bytes in the row.
      await database.db.execute(sql`insert into recordings (ticket_id, gzip, compressed_bytes, raw_bytes, event_count,
        started_at, ended_at) values (${ticket.id}, decode(${base64}, 'base64'), 100, 300, 3, 1, 2)`);
      await database.db.update(tickets).set({ recordingStatus: "stored" }).where(eq(tickets.id, ticket.id));
      ids.push(ticket.id);
    }
    expect(await (await replay(ids[0]!)).json()).toEqual(events);

    const result = await moveLegacyRecordings(database.db, blobs, { batchSize: 2 });
    expect(result.moved).toBe(3);
    const [left] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(recordings)
      .where(isNotNull(recordings.gzip));
    expect(left!.n).toBe(0);
  });
});
