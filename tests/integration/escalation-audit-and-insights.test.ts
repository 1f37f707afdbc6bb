import "../helpers/small-audit-batches.js";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { csvField, csvRow } from "../../server/lib/csv.js";
import { insightsSchema } from "../../shared/metrics.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { addAgent, addTicket, hours, setStatus, timeline } from "../helpers/escalation-history.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { topSignalValues } from "../../server/services/metrics/top-signal-values.js";
import { refreshTicketFacts } from "../../server/services/metrics/refresh-ticket-facts.js";

describe("CSV quoting", () => {
  it("quotes commas, quotes and line breaks, and neutralises formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("-1 day")).toBe("'-1 day");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});

/** Parses RFC 4180 CSV, to check the export round-trips whatever the values hold. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

const TO = new Date("2025-06-02T00:00:00Z");
const WEEK = 7 * 24 * hours(1);

// Escalations per category and week before TO: "sso" spikes, "billing" is steady, "tiny" is too small to call.
const history: Record<string, number[]> = {
  sso: [6, 1, 2, 1, 2, 1, 2, 1, 2],
  billing: [4, 3, 3, 3, 3, 3, 3, 3, 3],
  tiny: [2, 0, 0, 0, 0, 0, 0, 0, 0],
};

describe.each(DATABASE_KINDS)("audit export and insights on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let names: Record<string, string>;
  const get = (path: string) => t.request(path, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    const db = database.db;
    const ws = t.workspace.id;
    names = {
      first: await addAgent(db, ws, 'Ana "the fixer", L1'),
      second: await addAgent(db, ws, "Cara\nTier 2", 2),
    };
    // The audit ticket: escalated, bounced, escalated again, resolved.
    const created = new Date(TO.getTime() - hours(30));
    const audited = await addTicket(db, {
      workspaceId: ws,
      createdAt: created,
      queue: "billing, invoices",
      plan: "=cmd|' /C calc'!A0",
    });
    const h = timeline(db, ws, audited.id, created);
    await h.assign(0, names.first!);
    await h.escalate(hours(1), names.first!, names.second!);
    await h.bounce(hours(2), names.second!, names.first!);
    await h.escalate(hours(4), names.first!, names.second!);
    await h.resolve(hours(10), names.second!);
    await setStatus(db, audited.id, "resolved");

    for (const [queue, weeks] of Object.entries(history)) {
      for (const [weeksAgo, count] of weeks.entries()) {
        for (let i = 0; i < count; i++) {
          const at = new Date(TO.getTime() - weeksAgo * WEEK - hours(30 + i));
          const ticket = await addTicket(db, {
            workspaceId: ws,
            createdAt: at,
            queue,
            subject: `${queue} problem ${weeksAgo}.${i}`,
            email: `user${i % 2}@${queue}.example`,
            context: {
              network: [
                {
                  t: 1,
                  method: "post",
                  url: `https://app.example/api/projects/${1000 + i}/export?x=1`,
                  status: 500,
                  durationMs: 10,
                },
              ],
              console: [
                { t: 1, level: "error", kind: "console", message: `Export ${i} failed at https://app.example/x` },
              ],
            },
          });
          await timeline(db, ws, ticket.id, at).escalate(hours(1), names.first!, names.second!);
        }
      }
    }
  });
  afterAll(() => database?.close());

  it("streams one correctly quoted row per ticket with path, stage times and resolver", async () => {
    const res = await get(
      `/api/v1/exports/escalation-audit.csv?from=${new Date(TO.getTime() - hours(31)).toISOString()}&to=${TO.toISOString()}&queue=billing,%20invoices`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="escalation-audit-/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      "ticket_reference",
      "created_at",
      "category",
      "customer_plan",
      "initial_agent",
      "escalation_path",
      "stage_durations_s",
      "agents_touched",
      "escalations",
      "bounced_handoffs",
      "reopens",
      "resolved_at",
      "resolution_time_s",
      "resolved_by",
    ]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(row).toMatchObject({
      category: "billing, invoices",
      customer_plan: "'=cmd|' /C calc'!A0",
      initial_agent: 'Ana "the fixer", L1',
      escalation_path:
        'T1 Ana "the fixer", L1 > T2 Cara\nTier 2 > T1 Ana "the fixer", L1 (bounced back) > T2 Cara\nTier 2',
      stage_durations_s: "3600 > 3600 > 7200 > 21600",
      agents_touched: "2",
      escalations: "2",
      bounced_handoffs: "1",
      reopens: "0",
      resolution_time_s: "36000",
      resolved_by: "Cara\nTier 2",
    });
  });

  it("exports every ticket of the period across several batches", async () => {
    const res = await get(`/api/v1/exports/escalation-audit.csv?from=2025-01-01&to=${TO.toISOString()}`);
    const rows = parseCsv(await res.text());
    expect(rows.length - 1).toBe(1 + 18 + 28 + 2);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(rows.length - 1);
  });

  it("flags the category whose weekly escalations spike against the trailing 8 weeks", async () => {
    const res = await get(`/api/v1/metrics/insights?to=${TO.toISOString()}&from=2025-01-01`);
    expect(res.status).toBe(200);
    const insights = insightsSchema.parse(await res.json());
    // sso: 6 this week against 1,2,1,2… (mean 1.5, sd 0.5 floored to 1): z = 4.5. billing: z = 1 at sd 0 floored to 1.
    expect(insights.anomalies).toEqual([
      {
        category: "sso",
        weekStart: new Date(TO.getTime() - WEEK).toISOString(),
        escalations: 6,
        trailingMean: 1.5,
        trailingStdDev: 0.5,
        zScore: 4.5,
      },
    ]);
    expect(insights.weeklyReview.map((r) => [r.category, r.escalated, r.examples.length])).toEqual([
      ["sso", 6, 3],
      ["billing", 4, 3],
      ["tiny", 2, 2],
      ["billing, invoices", 1, 1],
    ]);
    expect(insights.weeklyReview[0]!.examples.every((e) => e.subject.startsWith("sso problem 0."))).toBe(true);
    // 6 distinct customers (user0/user1 of 3 queues), each reporting on many days: counted once each.
    expect(insights.failingEndpoints).toEqual([
      { value: "POST /api/projects/:id/export 500", tickets: 48, customers: 6 },
    ]);
    expect(insights.errorFingerprints).toEqual([{ value: "Export N failed at <url>", tickets: 48, customers: 6 }]);
    // One queue, one week: the same numbers restricted to it.
    const sso = insightsSchema.parse(
      await (
        await get(
          `/api/v1/metrics/insights?to=${TO.toISOString()}&from=${new Date(TO.getTime() - WEEK).toISOString()}&queue=sso`,
        )
      ).json(),
    );
    expect(sso.failingEndpoints).toEqual([{ value: "POST /api/projects/:id/export 500", tickets: 6, customers: 2 }]);
    const drill = await (
      await get(
        `/api/v1/metrics/escalations/tickets?from=2025-01-01&to=${TO.toISOString()}&metric=failing_endpoint&value=${encodeURIComponent("POST /api/projects/:id/export 500")}&limit=200`,
      )
    ).json();
    expect(drill.tickets).toHaveLength(48);
  });

  it("keeps the endpoint counts exact as new tickets are folded, over a period cut mid-day, and equal to a recount", async () => {
    const insights = async (from: Date, to: Date) =>
      insightsSchema.parse(
        await (await get(`/api/v1/metrics/insights?from=${from.toISOString()}&to=${to.toISOString()}`)).json(),
      ).failingEndpoints;
    const [from, to] = [new Date(TO.getTime() - hours(40)), new Date(TO.getTime() - hours(2))];
    const before = await insights(from, to);
    // Two tickets from one new customer, folded incrementally by the next read: one more customer.
    for (const offset of [hours(20), hours(21)]) {
      const at = new Date(TO.getTime() - offset);
      const ticket = await addTicket(database.db, {
        workspaceId: t.workspace.id,
        createdAt: at,
        queue: "sso",
        subject: "late export",
        email: "Newcomer@sso.example",
        context: {
          network: [
            { t: 1, method: "post", url: "https://app.example/api/projects/77/export", status: 500, durationMs: 10 },
          ],
          console: [],
        },
      });
      await timeline(database.db, t.workspace.id, ticket.id, at).escalate(hours(1), names.first!, names.second!);
    }
    const after = await insights(from, to);
    expect(after).toEqual([
      {
        value: "POST /api/projects/:id/export 500",
        tickets: before[0]!.tickets + 2,
        customers: before[0]!.customers + 1,
      },
    ]);
    await database.db.execute(sql`update metrics_watermarks set rollups_built = false`);
    expect(await insights(from, to)).toEqual(after);
  });

  it("counts the customers of a huge period in a sample of them, says so, and stays close to the exact count", async () => {
    // 240 customers with one failing export each, and 40 of them with a second ticket, over four days of March 2024.
    const start = new Date("2024-03-04T00:00:00Z");
    for (let i = 0; i < 280; i++) {
      await addTicket(database.db, {
        workspaceId: t.workspace.id,
        createdAt: new Date(start.getTime() + (i % 4) * hours(24) + hours(1) + i),
        queue: "exports",
        subject: "bulk export",
        email: `buyer${i % 240}@bulk.example`,
        context: {
          network: [{ t: 1, method: "get", url: "https://app.example/api/bulk/9", status: 503, durationMs: 10 }],
          console: [],
        },
      });
    }
    await refreshTicketFacts(database.db, { workspaceId: t.workspace.id });
    const period = {
      workspaceId: t.workspace.id,
      from: start,
      to: new Date(start.getTime() + 4 * hours(24)),
      category: null,
      plan: null,
    };
    const exact = await topSignalValues(database.db, "endpoint", period);
    expect(exact).toEqual([{ value: "GET /api/bulk/:id 503", tickets: 280, customers: 240 }]);
    // Read at most 60 customer rows: a sample of the customer slots, scaled up.
    const [sampled] = await topSignalValues(database.db, "endpoint", period, 10, 60);
    expect(sampled).toMatchObject({ value: "GET /api/bulk/:id 503", tickets: 280, customersEstimated: true });
    expect(Math.abs(sampled!.customers - 240)).toBeLessThan(60);
  });
});
