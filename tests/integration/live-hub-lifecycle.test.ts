import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { LiveHub, type LiveSink } from "../../server/services/events/live-hub.js";
import type { FeedRow } from "../../server/services/events/read-feed.js";
import { fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

/** A sink that records what reaches it and can wait for a row. */
function recordingSink(workspaceId: string) {
  const rows: FeedRow[] = [];
  const waiters: (() => void)[] = [];
  const sink: LiveSink = {
    follower: { kind: "agent", workspaceId },
    write(row) {
      rows.push(row);
      for (const wake of waiters.splice(0)) wake();
      return true;
    },
    reset() {},
    heartbeat() {},
  };
  async function waitFor(ticketId: string, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!rows.some((r) => r.ticketId === ticketId)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }
  return { sink, waitFor };
}

/**
 * The hub stops when its last follower leaves and starts again for the next one. A follower arriving while the
 * hub decides to stop must not end up subscribed to a hub with no LISTEN and no timer: its stream would stay open
 * and say nothing (seen as widget and console e2e tests waiting forever for a reply that had been sent).
 */
describe.each(DATABASE_KINDS)("live hub lifecycle on %s", (kind) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("a follower that subscribes while the idle hub stops still gets what happens next", async () => {
    const hub = new LiveHub(database.db, kind);
    try {
      const first = recordingSink(t.workspace.id);
      (await hub.subscribe(first.sink))();
      expect(hub.size).toBe(0);

      const second = recordingSink(t.workspace.id);
      const subscribing = hub.subscribe(second.sink);
      // The idle check fires while the subscribe is still on its way in (its timer runs every few seconds).
      await (hub as unknown as { tick(woken: boolean): Promise<void> }).tick(false);
      const unsubscribe = await subscribing;
      expect(hub.size).toBe(1);

      const ticket = await fileTicket(t, { subject: "Filed after the race" });
      expect(await second.waitFor(ticket.id, 5_000)).toBe(true);
      unsubscribe();
    } finally {
      await hub.stop();
    }
  });

  it("a follower that subscribes while the hub is stopping gets a running hub", async () => {
    const hub = new LiveHub(database.db, kind);
    try {
      (await hub.subscribe(recordingSink(t.workspace.id).sink))();
      const stopping = hub.stop();
      const late = recordingSink(t.workspace.id);
      const unsubscribe = await hub.subscribe(late.sink);
      await stopping;
      const ticket = await fileTicket(t, { subject: "Filed while stopping" });
      expect(await late.waitFor(ticket.id, 5_000)).toBe(true);
      unsubscribe();
    } finally {
      await hub.stop();
    }
  });
});
