import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { outboxFlushStatement } from "../../server/services/notifications/flush-notification-outbox.js";
import { refreshTicketFacts } from "../../server/services/metrics/refresh-ticket-facts.js";
import { upsertTicketFacts } from "../../server/services/metrics/upsert-ticket-facts.js";
import type { TicketFacts } from "../../server/services/metrics/fold-ticket-facts.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ticketBody, type TestApp } from "../helpers/test-app.js";

/** What every filed ticket leaves behind it: the outbox flush and the metrics refresher's fold. */
describe.each(DATABASE_KINDS)("the work a new ticket leaves, on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  it("flushes the outbox by event id: a flush does not read the whole timeline", async () => {
    const res = await t.createTicket(ticketBody());
    const { id } = (await res.json()) as { id: string };
    // A long timeline: 5,000 older events of one ticket, as a busy workspace's table holds (statistics up to date).
    await database.db.execute(sql`
      insert into ticket_events (workspace_id, ticket_id, type, actor_type, details, at)
      select ${t.workspace.id}, ${id}, 'note', 'system', '{}'::jsonb, now() - interval '2 hours'
      from generate_series(1, 5000)`);
    await database.db.execute(sql`analyze ticket_events`);
    await database.db.execute(sql`insert into notification_outbox (event_id)
      select id from ticket_events order by id desc limit 2 on conflict do nothing`);
    const plan = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql`explain (format json) ${outboxFlushStatement}`),
    );
    const scans: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (node["Relation Name"] === "ticket_events") scans.push(String(node["Node Type"]));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((Object.values(plan[0]!)[0] as { Plan: Record<string, unknown> }[])[0]!.Plan);
    expect(scans.length).toBeGreaterThan(0);
    expect(scans).not.toContain("Seq Scan");
    // And it still queues the batch: the outbox is empty afterwards.
    await database.db.execute(outboxFlushStatement);
    const [left] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from notification_outbox`),
    );
    expect(left!.n).toBe(0);
  });

  it("stores folded facts whole, and replaces them when a ticket is folded again", async () => {
    await refreshTicketFacts(database.db, { workspaceId: t.workspace.id });
    const res = await t.createTicket(ticketBody({ subject: "facts round trip" }));
    const { id } = (await res.json()) as { id: string };
    const [agent] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from agents limit 1`));
    const agentId = agent!.id;
    const facts = {
      ticketId: id,
      workspaceId: t.workspace.id,
      createdAt: new Date("2026-01-02T03:04:05.678Z"),
      category: "billing",
      plan: null,
      firstAgentId: agentId,
      resolverId: null,
      resolvedAt: null,
      firstEscalatedAt: new Date("2026-01-03T00:00:00.000Z"),
      msToFirstEscalation: 123_456_789_012,
      msResolutionAfterEscalation: null,
      msToResolution: null,
      escalations: 2,
      bounces: 1,
      reopens: 0,
      pingPong: true,
      firstContactResolved: false,
      agentsTouched: 1,
      escalatedBy: [agentId, agentId],
      path: [{ tier: 1, agentId: null, enteredAt: "2026-01-02T03:04:05.678Z", ms: 5, via: "created" }],
      failingEndpoint: "POST /api/export 500",
      errorFingerprint: `Export failed: 'n' "quoted"`,
      sample: 7,
      lastEventId: 42,
    } satisfies TicketFacts & { lastEventId: number };
    await upsertTicketFacts(database.db, [facts]);
    await upsertTicketFacts(database.db, [{ ...facts, bounces: 4, resolverId: agentId }]);
    const [stored] = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql`
        select to_json(created_at)::text as created_at, category, plan, first_agent_id, resolver_id, resolved_at,
          ms_to_first_escalation::text, escalations, bounces, ping_pong, escalated_by::text[] as escalated_by, path,
          failing_endpoint, error_fingerprint, last_event_id::int, sample
        from ticket_facts where ticket_id = ${id}`),
    );
    expect(stored).toEqual({
      created_at: '"2026-01-02T03:04:05.678+00:00"',
      category: "billing",
      plan: null,
      first_agent_id: agentId,
      resolver_id: agentId,
      resolved_at: null,
      ms_to_first_escalation: "123456789012",
      escalations: 2,
      bounces: 4,
      ping_pong: true,
      escalated_by: [agentId, agentId],
      path: facts.path,
      failing_endpoint: "POST /api/export 500",
      error_fingerprint: `Export failed: 'n' "quoted"`,
      last_event_id: 42,
      sample: 7,
    });
  });
});
