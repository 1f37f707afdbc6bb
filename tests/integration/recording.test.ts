import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { packEvents } from "../../shared/recording-pack.js";

describe.each(DATABASE_KINDS)("recording upload and replay download on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
  });
  afterAll(() => database?.close());

  async function newTicket() {
    return (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
  }
  const put = async (id: string, body: Uint8Array, token?: string): Promise<Response> =>
    t.request(`/api/v1/widget/tickets/${id}/recording`, {
      method: "PUT",
      headers: {
        Origin: CUSTOMER_ORIGIN,
        "Content-Type": "application/octet-stream",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body as unknown as BodyInit,
    });

  it("stores a gzip recording and gives the agent back the same events", async () => {
    const ticket = await newTicket();
    const events = sampleEvents();
    expect((await put(ticket.id, gzipSync(JSON.stringify(events)), ticket.uploadToken)).status).toBe(204);

    const detail = await (await t.request(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.recording).toMatchObject({ status: "stored", eventCount: 3, durationMs: 5000 });
    expect(detail.flags.hasRecording).toBe(true);

    const gz = await t.request(`/api/v1/tickets/${ticket.id}/recording`, {
      headers: { Cookie: cookie, "Accept-Encoding": "gzip" },
    });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(events);
    const plain = await t.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: { Cookie: cookie } });
    expect(await plain.json()).toEqual(events);
  });

  it("accepts the widget's packed layout and gives the agent back plain rrweb events", async () => {
    const ticket = await newTicket();
    const events = sampleEvents();
    expect((await put(ticket.id, gzipSync(JSON.stringify(packEvents(events))), ticket.uploadToken)).status).toBe(204);
    const detail = await (await t.request(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.recording).toMatchObject({ status: "stored", eventCount: 3, durationMs: 5000 });
    const plain = await t.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: { Cookie: cookie } });
    expect(await plain.json()).toEqual(events);
  });

  it("answers 422 with the path to a malformed packed recording, and the ticket stays intact", async () => {
    const ticket = await newTicket();
    const packed = packEvents(sampleEvents());
    const broken = { ...packed, events: [-1, [99, 1, 2]] }; // a shape that does not exist
    const res = await put(ticket.id, gzipSync(JSON.stringify(broken)), ticket.uploadToken);
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues).toEqual([{ path: "events", message: expect.stringMatching(/shape/) }]);
    const detail = await (await t.request(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.recording.status).toBe("pending");
  });

  it("keeps the ticket when no recording arrives, and says the recording is missing", async () => {
    const ticket = await newTicket();
    const detail = await (await t.request(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.recording.status).toBe("pending");
    const res = await t.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe("Recording not found");
  });

  it("refuses a wrong upload token and another ticket's token", async () => {
    const a = await newTicket();
    const b = await newTicket();
    const body = gzipSync(JSON.stringify(sampleEvents()));
    expect((await put(a.id, body)).status).toBe(401);
    expect((await put(a.id, body, b.uploadToken)).status).toBe(401);
  });

  it("answers 413 to a gzip bomb and 400 to a body that is not gzip", async () => {
    const ticket = await newTicket();
    // 250 MB of one repeated character compresses to ~250 KB.
    const bomb = gzipSync(Buffer.alloc(250 * 1024 * 1024, 0x20));
    const res = await put(ticket.id, bomb, ticket.uploadToken);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect((await put(ticket.id, Buffer.from(JSON.stringify(sampleEvents())), ticket.uploadToken)).status).toBe(400);
  });

  it("answers 422 to events that cannot be replayed, and the ticket stays intact", async () => {
    const ticket = await newTicket();
    const noSnapshot = gzipSync(JSON.stringify([{ type: 3, timestamp: 1, data: {} }]));
    const res = await put(ticket.id, noSnapshot, ticket.uploadToken);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/full snapshot/);
    const detail = await (await t.request(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.subject).toBe("Export fails");
  });

  it("answers 404 for an unknown ticket id, malformed or not", async () => {
    const body = gzipSync(JSON.stringify(sampleEvents()));
    expect((await put("not-a-uuid", body, "x")).status).toBe(404);
    expect((await put("00000000-0000-4000-8000-000000000000", body, "x")).status).toBe(404);
  });
});
