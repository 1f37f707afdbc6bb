import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { ticketEvents, tickets, workspaces } from "../../server/db/schema.js";
import { runTimeTriggers } from "../../server/services/escalation/run-time-triggers.js";

const MINUTE = 60_000;

describe.each(DATABASE_KINDS)("escalation time triggers on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  /** A tier-1 ticket that entered its tier at `start` (the controllable clock's zero). */
  async function ticketAt(start: Date, overrides: Partial<typeof tickets.$inferInsert> = {}) {
    const { id } = await (
      await t.createTicket(ticketBody({ subject: "Colours look odd", description: "The palette changed." }))
    ).json();
    await database.db
      .update(tickets)
      .set({ tier: 1, tierEnteredAt: start, ...overrides })
      .where(eq(tickets.id, id));
    return id as string;
  }
  const read = async (id: string) => (await database.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
  const suggestions = async (id: string) =>
    database.db
      .select()
      .from(ticketEvents)
      .where(sql`${ticketEvents.ticketId} = ${id} and ${ticketEvents.type} = 'escalation_suggested'`);

  it("suggests escalating a tier-1 ticket after 45 minutes without progress, once", async () => {
    const start = new Date("2030-01-01T09:00:00Z");
    const id = await ticketAt(start);
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 44 * MINUTE) });
    expect((await read(id)).escalationSuggestedReason).toBeNull();
    const result = await runTimeTriggers(database.db, { now: new Date(start.getTime() + 46 * MINUTE) });
    expect(result.ran).toBe(true);
    expect(result.suggested.find((s) => s.ticketId === id)?.reason).toBe(
      "46 min in tier 1 without agent activity (limit 45)",
    );
    expect((await read(id)).escalationSuggestedReason).toMatch(/46 min in tier 1/);
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 90 * MINUTE) });
    const events = await suggestions(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.at.getTime()).toBe(start.getTime() + 46 * MINUTE);
    const cookie = await t.login();
    const detail = await (await t.request(`/api/v1/tickets/${id}`, { headers: { Cookie: cookie } })).json();
    expect(detail.flags.escalationSuggested).toBe(true);
    expect(detail.escalation.suggestedReason).toMatch(/without agent activity/);
  });

  it("counts from the last agent activity, and ignores tickets above tier 1 or resolved", async () => {
    const start = new Date("2030-02-01T09:00:00Z");
    const worked = await ticketAt(start, { lastAgentActivityAt: new Date(start.getTime() + 30 * MINUTE) });
    const tier2 = await ticketAt(start, { tier: 2 });
    const resolved = await ticketAt(start, { status: "resolved" });
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 60 * MINUTE) });
    for (const id of [worked, tier2, resolved]) expect((await read(id)).escalationSuggestedReason).toBeNull();
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 76 * MINUTE) });
    expect((await read(worked)).escalationSuggestedReason).toMatch(/^46 min/);
  });

  it("does not count time while the ticket waits on the customer (pending)", async () => {
    const start = new Date("2030-05-01T09:00:00Z");
    const waiting = await ticketAt(start, { status: "pending" });
    const open = await ticketAt(start);
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 120 * MINUTE) });
    expect((await read(waiting)).escalationSuggestedReason).toBeNull();
    expect((await read(open)).escalationSuggestedReason).toBe("120 min in tier 1 without agent activity (limit 45)");
  });

  it("suggests escalating after 3 customer replies since the last agent reply", async () => {
    const start = new Date();
    const id = await ticketAt(start, { customerRepliesSinceAgent: 2 });
    await runTimeTriggers(database.db, { now: start });
    expect((await read(id)).escalationSuggestedReason).toBeNull();
    await database.db.update(tickets).set({ customerRepliesSinceAgent: 3 }).where(eq(tickets.id, id));
    await runTimeTriggers(database.db, { now: start });
    expect((await read(id)).escalationSuggestedReason).toBe("3 customer replies since the last agent reply");
  });

  it("uses the workspace's own thresholds", async () => {
    const start = new Date("2030-03-01T09:00:00Z");
    await database.db
      .update(workspaces)
      .set({ settings: { escalation: { tier1MinutesWithoutProgress: 10 } } })
      .where(eq(workspaces.id, t.workspace.id));
    const id = await ticketAt(start);
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 11 * MINUTE) });
    expect((await read(id)).escalationSuggestedReason).toBe("11 min in tier 1 without agent activity (limit 10)");
    await database.db.update(workspaces).set({ settings: {} }).where(eq(workspaces.id, t.workspace.id));
  });

  it.runIf(kind === "postgres")("skips the pass while another server process holds the lock", async () => {
    const start = new Date("2030-04-01T09:00:00Z");
    const id = await ticketAt(start);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
      const result = await runTimeTriggers(database.db, { now: new Date(start.getTime() + 60 * MINUTE) });
      expect(result).toEqual({ ran: false, suggested: [], retriaged: [] });
    });
    expect((await read(id)).escalationSuggestedReason).toBeNull();
    expect((await runTimeTriggers(database.db, { now: new Date(start.getTime() + 60 * MINUTE) })).ran).toBe(true);
    expect((await read(id)).escalationSuggestedReason).not.toBeNull();
  });
});
