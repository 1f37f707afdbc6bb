import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { coalesce } from "../../server/db/coalesce.js";
import { insertTicket, type NewTicketRow } from "../../server/services/customer/insert-ticket.js";
import { insertTicketBatch } from "../../server/services/customer/insert-ticket-batch.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { bumpCounters } from "../../server/middleware/rate-limit-counters.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ticketBody, type TestApp } from "../helpers/test-app.js";

describe.each(DATABASE_KINDS)("group commit of new tickets on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  const row = (overrides: Partial<NewTicketRow> = {}): NewTicketRow => {
    const body = ticketBody();
    return {
      workspaceId: t.workspace.id,
      idempotencyKey: null,
      requestHash: "h",
      subject: body.subject,
      description: body.description,
      customerEmail: body.email,
      customerName: null,
      customerId: null,
      browserTokenHash: null,
      identity: null,
      verified: false,
      pageUrl: body.pageUrl,
      pageTitle: null,
      openedAt: 1_700_000_000_000,
      submittedAt: null,
      context: body.context as NewTicketRow["context"],
      signals: ["rage_clicks", "console_errors"],
      recordingIncluded: true,
      triage: null,
      ...overrides,
    };
  };

  it("stores a batch as one-by-one inserts would: numbers, events in order, outbox rows, routable", async () => {
    const [a, b] = await insertTicketBatch(database.db, [
      row({ subject: "batch a", idempotencyKey: "batch-a" }),
      row({
        subject: "batch b",
        triage: {
          fields: { severity: "high", tier: 1, queue: "billing", priority: 3 },
          triage: { rules: [] },
          requiredHandoffFields: ["steps"],
          eventDetails: { queue: "billing" },
        } as unknown as NewTicketRow["triage"],
      }),
    ]);
    const stored = rowsOf<Record<string, unknown>>(
      await database.db.execute(sql`
        select t.id, t.reference, t.subject, t.number, t.severity, t.queue, t.priority, t.signals,
          t.required_handoff_fields, t.recording_status, t.opened_at, t.idempotency_key,
          (select json_agg(e.type order by e.id) from ticket_events e where e.ticket_id = t.id) as events,
          (select count(*)::int from notification_outbox o join ticket_events e on e.id = o.event_id
            where e.ticket_id = t.id) as outboxed
        from tickets t where t.id in (${a!.id}, ${b!.id}) order by t.subject`),
    );
    expect(stored).toMatchObject([
      {
        id: a!.id,
        reference: a!.reference,
        subject: "batch a",
        severity: null,
        signals: ["rage_clicks", "console_errors"],
        recording_status: "pending",
        idempotency_key: "batch-a",
        events: ["created"],
      },
      {
        id: b!.id,
        reference: b!.reference,
        subject: "batch b",
        severity: "high",
        queue: "billing",
        priority: 3,
        required_handoff_fields: ["steps"],
        events: ["created", "triaged"],
        outboxed: 2,
      },
    ]);
    expect(Number(stored[0]!.opened_at)).toBe(1_700_000_000_000);
    expect(Number(stored[1]!.number)).toBe(Number(stored[0]!.number) + 1);
    // No agent has the billing skill: nobody could take it.
    expect([a!.routable, b!.routable]).toEqual([false, false]);
  });

  it("answers each concurrent caller with its own committed ticket; a bad one fails alone", async () => {
    const missingWorkspace = "00000000-0000-4000-8000-000000000000";
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        insertTicket(
          database.db,
          row({ subject: `concurrent ${i}`, workspaceId: i === 5 ? missingWorkspace : t.workspace.id }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 5 ? "rejected" : "fulfilled")));
    const ids = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    const subjects = rowsOf<{ id: string; subject: string }>(
      await database.db.execute(sql`select id, subject from tickets where subject like 'concurrent %'`),
    );
    expect(new Map(subjects.map((s) => [s.id, s.subject]))).toEqual(
      new Map(results.flatMap((r, i) => (r.status === "fulfilled" ? [[r.value.id, `concurrent ${i}`] as const] : []))),
    );
    expect(new Set(ids).size).toBe(11);
  });

  it("over HTTP: concurrent tickets, one retried with a key already stored, all answered as before", async () => {
    const first = await t.createTicket(ticketBody({ subject: "kept once" }), { "Idempotency-Key": "gc-kept" });
    const kept = await first.json();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i === 3
          ? t.createTicket(ticketBody({ subject: "kept once" }), { "Idempotency-Key": "gc-kept" })
          : t.createTicket(ticketBody({ subject: `http ${i}` }), { "Idempotency-Key": `gc-${i}` }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies[3].id).toBe(kept.id);
    expect(answers[3]!.headers.get("Idempotent-Replayed")).toBe("true");
    expect(new Set(bodies.map((b) => b.id)).size).toBe(10);
  });

  it("runs a batch's items one by one when the batch fails, and alone when nothing else is waiting", async () => {
    const calls: string[] = [];
    const double = coalesce<number, number>({
      single: async (_db, n) => {
        calls.push(`single ${n}`);
        if (n === 3) throw new Error("three");
        return n * 2;
      },
      batch: async (_db, items) => {
        calls.push(`batch ${items.join(",")}`);
        if (items.includes(3)) throw new Error("a bad item");
        return items.map((n) => n * 2);
      },
      inFlight: 1,
    });
    expect(await double(database.db, 1)).toBe(2);
    expect(calls).toEqual(["single 1"]);
    calls.length = 0;
    const settled = await Promise.allSettled([0, 2, 3, 4].map((n) => double(database.db, n)));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : "failed"))).toEqual([0, 4, "failed", 8]);
    // The first went alone; the three that waited went together, failed, and were retried one by one.
    expect(calls).toEqual(["single 0", "batch 2,3,4", "single 2", "single 3", "single 4"]);
  });

  it("sends the callers that arrive while a statement runs together in the next one, by default", async () => {
    const calls: string[] = [];
    const double = coalesce<number, number>({
      single: async (_db, n) => {
        calls.push(`single ${n}`);
        return n * 2;
      },
      batch: async (_db, items) => {
        calls.push(`batch ${items.join(",")}`);
        return items.map((n) => n * 2);
      },
    });
    expect(await Promise.all([0, 1, 2, 3, 4].map((n) => double(database.db, n)))).toEqual([0, 2, 4, 6, 8]);
    // One statement at a time: a second one alone beside the first (two commits for five) no longer goes.
    expect(calls).toEqual(["single 0", "batch 1,2,3,4"]);
  });

  it("counts rate limit hits that share a statement exactly as one by one: each count handed out once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        bumpCounters(database.db, [
          { key: `gc-own:${i}`, windowMs: 60_000 },
          { key: "gc-shared", windowMs: 60_000 },
        ]),
      ),
    );
    expect(answers.map((a) => a[0]!.count)).toEqual(Array(20).fill(1));
    expect(answers.map((a) => a[1]!.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const a of answers) expect(a[1]!.resetAt).toBeGreaterThan(Date.now());
    // A window that has ended starts again from this batch's hits.
    await database.db.execute(
      sql`update rate_limit_counters set reset_at = now() - interval '1 second' where key = 'gc-shared'`,
    );
    const again = await Promise.all(
      [1, 2, 3].map(() => bumpCounters(database.db, [{ key: "gc-shared", windowMs: 60_000 }])),
    );
    expect(again.map((a) => a[0]!.count).sort()).toEqual([1, 2, 3]);
  });
});
