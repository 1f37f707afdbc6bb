import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { waitFor } from "../helpers/server-processes.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";

/**
 * A recording's row is written by one statement that first locks its ticket (lockTicketTakingFiles). When an erasure
 * holds that lock, the statement waits, then must see the erasure that committed meanwhile, although its snapshot was
 * taken before: the ticket row PostgreSQL re-reads after the wait says so. PostgreSQL only: PGlite has one connection,
 * so nothing there ever waits for a lock.
 */
describe.each(DATABASE_KINDS.filter((kind) => kind === "postgres"))(
  "a recording claim waiting for an erasure on %s",
  (kind) => {
    let database: Database;
    let t: TestApp;
    let cookie: string;

    beforeAll(async () => {
      database = await freshDatabase(kind);
      t = await createTestApp(database);
      cookie = await t.login();
    });
    afterAll(async () => {
      await database?.close();
    });

    const lockWaiters = async () =>
      Number(
        rowsOf<{ n: number }>(
          await database.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          ),
        )[0]!.n,
      );

    it("is refused (404) and leaves no row when the erasure it waited for committed first", async () => {
      const email = "lock-wait@race.example";
      const created = await t.createTicket(ticketBody({ email }));
      expect(created.status).toBe(201);
      const ticket = (await created.json()) as { id: string; uploadToken: string };

      // A third transaction holds the ticket's row, so the erasure queues for it first and the upload's claim after it.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from tickets where id = ${ticket.id}::uuid for update`);
        locked();
        await gate;
      });
      await lockTaken;
      const erasure = t.request("/api/v1/privacy/erase", {
        method: "POST",
        headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
        body: JSON.stringify({ email }),
      });
      await waitFor(async () => (await lockWaiters()) === 1, 20_000, "the erasure to wait for the ticket's row");
      const upload = t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
        method: "PUT",
        headers: { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` },
        body: gzipSync(JSON.stringify(sampleEvents())),
      });
      await waitFor(async () => (await lockWaiters()) === 2, 20_000, "the upload's claim to wait behind the erasure");
      release();
      await holder;

      expect((await erasure).status).toBe(200);
      expect((await upload).status).toBe(404);
      const left = rowsOf<{ recordings: number; uploads: number; status: string }>(
        await database.db.execute(sql`select
        (select count(*)::int from recordings where ticket_id = ${ticket.id}::uuid) as recordings,
        (select count(*)::int from recording_uploads where ticket_id = ${ticket.id}::uuid) as uploads,
        (select recording_status from tickets where id = ${ticket.id}::uuid) as status`),
      )[0];
      expect(left).toEqual({ recordings: 0, uploads: 0, status: "none" });
    });
  },
);
