import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { outboxFlushStatement } from "../../server/services/notifications/flush-notification-outbox.js";
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
});
