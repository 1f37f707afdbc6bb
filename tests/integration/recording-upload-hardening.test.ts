import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";

/** A request body that counts what the server pulled and can be held open, like a slow hostile client. */
function trackedBody(total: number, options: { hold?: Promise<void> } = {}) {
  // asked: the server has started reading this body (no read-ahead: highWaterMark 0).
  const state = { pulled: 0, asked: false };
  const chunk = new Uint8Array(64 * 1024);
  chunk[0] = 0x1f;
  chunk[1] = 0x8b;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        state.asked = true;
        if (options.hold) await options.hold;
        if (state.pulled >= total) return controller.close();
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk.slice());
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe.each(DATABASE_KINDS)("recording upload limits on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database, { uploadConcurrency: 2 });
  });
  afterAll(() => database?.close());

  const newTicket = async () =>
    (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
  const put = (id: string, body: BodyInit, token?: string, headers: Record<string, string> = {}) =>
    t.request(`/api/v1/widget/tickets/${id}/recording`, {
      method: "PUT",
      headers: { Origin: CUSTOMER_ORIGIN, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body,
      duplex: "half",
    } as RequestInit);

  it("checks the token before reading the body: a wrong token costs the server no upload bytes", async () => {
    const ticket = await newTicket();
    const body = trackedBody(30 * 1024 * 1024);
    const res = await put(ticket.id, body.stream, "not-the-token");
    expect(res.status).toBe(401);
    expect(body.state.pulled).toBeLessThanOrEqual(64 * 1024);
    const declared = await put(ticket.id, gzipSync("[]"), ticket.uploadToken, { "Content-Length": "999999999" });
    expect(declared.status).toBe(413);
  });

  it("keeps one recording per ticket: the same bytes again are accepted, different ones are 409", async () => {
    const ticket = await newTicket();
    const first = gzipSync(JSON.stringify(sampleEvents()));
    expect((await put(ticket.id, first, ticket.uploadToken)).status).toBe(204);
    const retry = await put(ticket.id, first, ticket.uploadToken);
    expect(retry.status).toBe(204);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    const other = await put(ticket.id, gzipSync(JSON.stringify(sampleEvents(1_800_000_000_000))), ticket.uploadToken);
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe("conflict");
  });

  it("answers 429 with Retry-After while its upload slots are taken, and takes uploads again after", async () => {
    let open!: () => void;
    const hold = new Promise<void>((resolve) => (open = resolve));
    const [a, b, c] = [await newTicket(), await newTicket(), await newTicket()];
    const bodies = [a, b].map(() => trackedBody(128 * 1024, { hold }));
    const slow = [a, b].map((x, i) => put(x.id, bodies[i]!.stream, x.uploadToken));
    // Both slow uploads hold their slot once the server reads their bodies; then the third one is refused.
    for (const deadline = Date.now() + 10_000; !bodies.every((body) => body.state.asked); ) {
      if (Date.now() > deadline) throw new Error("the slow uploads were never read");
      await new Promise((r) => setTimeout(r, 5));
    }
    let busy: Response | undefined;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      busy = await put(c.id, gzipSync(JSON.stringify(sampleEvents())), c.uploadToken);
      if (busy.status === 429) break;
      await new Promise((r) => setImmediate(r));
    }
    expect(busy!.status).toBe(429);
    expect(Number(busy!.headers.get("Retry-After"))).toBeGreaterThan(0);
    open();
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([400, 400]); // zeros after a gzip header
    expect((await put(c.id, gzipSync(JSON.stringify(sampleEvents())), c.uploadToken)).status).toBe(204);
  });

  it("refuses an upload token once the outbox would have stopped retrying (7 days)", async () => {
    const ticket = await newTicket();
    await t.database.db.execute(
      sql`update tickets set created_at = now() - interval '8 days' where id = ${ticket.id}::uuid`,
    );
    const res = await put(ticket.id, gzipSync(JSON.stringify(sampleEvents())), ticket.uploadToken);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/expired/);
  });
});
