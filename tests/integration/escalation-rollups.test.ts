import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { ticketEvents } from "../../server/db/schema.js";
import { metricsWatermarks } from "../../server/db/schema-metrics.js";
import { startMetricsRefresher } from "../../server/services/metrics/metrics-refresher.js";
import { getEscalationMetrics } from "../../server/services/metrics/get-escalation-metrics.js";
import type { MetricsQuery } from "../../shared/metrics.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { addAgent, addTicket, hours, timeline } from "../helpers/escalation-history.js";
import { systemActor } from "../../server/access/actor.js";

const START = new Date("2025-04-07T00:00:00Z"); // a Monday
const QUEUES = ["billing", "exports", "sso"];
const PLANS = ["free", "pro", undefined];

/**
 * The dashboard reads pre-aggregated daily rollups maintained incrementally as facts change. These tests check that
 * what a lead sees equals a recount from scratch, whatever the order of events, filters or period boundaries.
 */
describe.each(DATABASE_KINDS)("metrics rollups on %s", (kind) => {
  let database: Database;
  let workspaceId: string;
  const agents: string[] = [];
  const created: { id: string; at: Date; queue: string; escalated: boolean }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    const { ensureDemoWorkspace } = await import("../../server/services/workspace/ensure-demo-workspace.js");
    workspaceId = (
      await ensureDemoWorkspace(db, {
        siteKey: "pk_rollups",
        allowedOrigins: [],
        adminEmail: "r@example.com",
        adminPassword: "a long password here",
      })
    ).workspace.id;
    for (const [name, tier] of [
      ["Ana", 1],
      ["Ben", 1],
      ["Cara", 2],
    ] as const)
      agents.push(await addAgent(db, workspaceId, name, tier));
    // 30 tickets over 10 days, 7 h apart (so days have partial edges), in a fixed mix of queues, plans and outcomes.
    for (let i = 0; i < 30; i++) {
      const at = new Date(START.getTime() + i * hours(7));
      const queue = QUEUES[i % 3]!;
      const ticket = await addTicket(db, { workspaceId, createdAt: at, queue, plan: PLANS[i % 3] });
      const h = timeline(db, workspaceId, ticket.id, at);
      await h.assign(0, agents[i % 2]!);
      const escalated = i % 4 === 0;
      if (escalated) await h.escalate(hours(1 + (i % 5)), agents[i % 2]!, agents[2]!);
      if (i % 3 !== 2) await h.resolve(hours(8), escalated ? agents[2]! : agents[i % 2]!);
      created.push({ id: ticket.id, at, queue, escalated });
    }
  });
  afterAll(() => database?.close());

  const read = (query: MetricsQuery) =>
    getEscalationMetrics(database.db, {
      actor: systemActor(workspaceId),
      query,
      now: START.getTime() + 20 * 86_400_000,
    });
  /** Forces a recount of the rollups from the facts on the next read. */
  const recount = () =>
    database.db
      .update(metricsWatermarks)
      .set({ rollupsBuilt: false })
      .where(eq(metricsWatermarks.workspaceId, workspaceId));

  it("counts a period cut mid-day exactly: whole days from the rollups, the partial ones from the tickets", async () => {
    const from = new Date(START.getTime() + hours(30)); // day 2, 06:00
    const to = new Date(START.getTime() + hours(150)); // day 7, 06:00
    const inPeriod = created.filter((c) => c.at >= from && c.at < to);
    const m = await read({ from: from.toISOString(), to: to.toISOString() });
    expect(m.overall.tickets).toBe(inPeriod.length);
    expect(m.overall.escalated).toBe(inPeriod.filter((c) => c.escalated).length);
    const exports = await read({ from: from.toISOString(), to: to.toISOString(), queue: "exports" });
    expect(exports.overall.tickets).toBe(inPeriod.filter((c) => c.queue === "exports").length);
    const byQueue = await read({ from: from.toISOString(), to: to.toISOString(), groupBy: "queue" });
    expect(Object.fromEntries(byQueue.groups.map((g) => [g.key, g.metrics.tickets]))).toEqual(
      Object.fromEntries(QUEUES.map((q) => [q, inPeriod.filter((c) => c.queue === q).length])),
    );
    // A period shorter than a day reads only tickets.
    const short = await read({ from: START.toISOString(), to: new Date(START.getTime() + hours(10)).toISOString() });
    expect(short.overall.tickets).toBe(2);
  });

  it("keeps the rollups equal to a recount while tickets are reopened, escalated after resolution and bounced", async () => {
    const queries: MetricsQuery[] = [
      { from: "2025-04-07", to: "2025-04-20" },
      { from: "2025-04-07", to: "2025-04-20", groupBy: "agent" },
      { from: "2025-04-07", to: "2025-04-20", groupBy: "plan", queue: "billing" },
      { from: "2025-04-07", to: "2025-04-20", groupBy: "week", agent: agents[0] },
      { from: "2025-04-07", to: "2025-04-20", plan: "none", groupBy: "queue" },
    ];
    const before = await Promise.all(queries.map(read));
    // Changes to already folded tickets: the rollups must move their contribution, not add a second one.
    const [a, b, c] = [created[1]!, created[4]!, created[0]!];
    await timeline(database.db, workspaceId, a.id, a.at).reopen(hours(30));
    await timeline(database.db, workspaceId, b.id, b.at).escalate(hours(40), agents[0]!, agents[2]!);
    const hc = timeline(database.db, workspaceId, c.id, c.at);
    await hc.bounce(hours(9), agents[2]!, agents[0]!);
    // Concurrent reads fold the same events: each delta must be applied once.
    const concurrent = await Promise.all([read(queries[0]!), read(queries[0]!), read(queries[1]!)]);
    const after = await Promise.all(queries.map(read));
    expect(after[0]!.overall.resolved).toBe(before[0]!.overall.resolved - 2);
    expect(after[0]!.overall.reopened).toBe(before[0]!.overall.reopened + 2);
    expect(after[0]!.overall.bounced).toBe(before[0]!.overall.bounced + 1);
    expect(concurrent[0]).toEqual(after[0]);
    expect(concurrent[1]).toEqual(after[0]);
    await recount();
    expect(await Promise.all(queries.map(read))).toEqual(after);
  });

  it("folds new events in the background, so the next read has nothing left to fold", async () => {
    const d = created[5]!;
    await timeline(database.db, workspaceId, d.id, d.at).escalate(hours(50), agents[1]!, agents[2]!);
    const [newest] = await database.db
      .select({ id: sql<number>`max(${ticketEvents.id})`.mapWith(Number) })
      .from(ticketEvents);
    const stop = startMetricsRefresher(database.db, { intervalMs: 20 });
    const { refreshTicketFacts } = await import("../../server/services/metrics/refresh-ticket-facts.js");
    await expect
      .poll(
        async () =>
          (await database.db.select().from(metricsWatermarks).where(eq(metricsWatermarks.workspaceId, workspaceId)))[0]!
            .lastEventId,
        { interval: 50 },
      )
      .toBe(newest!.id);
    await stop();
    expect(await refreshTicketFacts(database.db, { workspaceId })).toEqual({ refolded: 0 });
    expect((await read({ from: "2025-04-07", to: "2025-04-20", agent: agents[1] })).overall.escalated).toBeGreaterThan(
      0,
    );
  });
});
