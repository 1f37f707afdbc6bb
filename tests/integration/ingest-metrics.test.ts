import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/** handoff_ingest_bytes_total counts what customers send, by kind: tickets, recordings and their files. */
describe.each(DATABASE_KINDS)("ingest bytes in /metrics on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  async function ingested(): Promise<Record<string, number>> {
    const text = await (await t.request("/metrics")).text();
    const counts: Record<string, number> = {};
    for (const [, label, value] of text.matchAll(/^handoff_ingest_bytes_total\{kind="(\w+)"\} (\S+)$/gm)) {
      counts[label!] = Number(value);
    }
    return counts;
  }

  it("moves for a ticket, its recording and an attachment by their bytes", async () => {
    const before = await ingested();
    const body = JSON.stringify(ticketBody());
    const filed = await t.createTicket(JSON.parse(body), { "Content-Length": String(Buffer.byteLength(body)) });
    const ticket = (await filed.json()) as { id: string; uploadToken: string };
    const auth = { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` };
    const recording = gzipSync(JSON.stringify(sampleEvents()));
    const put = await t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: { ...auth, "Content-Length": String(recording.byteLength) },
      body: recording as unknown as BodyInit,
    });
    expect(put.status).toBe(204);
    const file = "the steps I took, written down\n".repeat(100);
    const attached = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=steps.txt`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "text/plain", "Content-Length": String(file.length) },
      body: file,
    });
    expect(attached.status).toBe(201);
    const after = await ingested();
    const grew = (kind: string) => (after[kind] ?? 0) - (before[kind] ?? 0);
    expect(grew("recording")).toBe(recording.byteLength);
    expect(grew("attachment")).toBe(file.length);
    expect(grew("ticket")).toBeGreaterThan(0);
  });
});
