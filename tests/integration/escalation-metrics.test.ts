import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { uploadTokenFor } from "../../server/access/upload-token.js";
import { escalationMetricsSchema, drilldownSchema, type EscalationMetrics } from "../../shared/metrics.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { hours, timeline } from "../helpers/escalation-history.js";
import { seedKnownHistory, WEEK2 } from "../helpers/known-escalation-history.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, type TestApp } from "../helpers/test-app.js";

const PERIOD = "from=2025-03-03T00:00:00Z&to=2025-03-17T00:00:00Z";

/** The known history of seedKnownHistory (see the expectations). */
describe.each(DATABASE_KINDS)("escalation metrics on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  const ids: Record<string, { id: string; reference: string }> = {};
  const agent: Record<string, string> = {};
  const get = async (path: string, c = cookie) => t.request(path, { headers: { Cookie: c } });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    const seeded = await seedKnownHistory(database.db, t.workspace.id);
    Object.assign(ids, seeded.ids);
    Object.assign(agent, seeded.agent);
  });
  afterAll(() => database?.close());

  const metrics = async (query = ""): Promise<EscalationMetrics> => {
    const res = await get(`/api/v1/metrics/escalations?${PERIOD}${query}`);
    expect(res.status).toBe(200);
    return escalationMetricsSchema.parse(await res.json());
  };
  const drill = async (query: string) => {
    const res = await get(`/api/v1/metrics/escalations/tickets?${PERIOD}&${query}`);
    expect(res.status).toBe(200);
    return drilldownSchema.parse(await res.json()).tickets.map((x) => x.reference);
  };
  const refs = (...keys: string[]) => keys.map((k) => ids[k]!.reference);

  it("computes every metric of the period exactly", async () => {
    const m = await metrics();
    expect(m.overall).toEqual({
      tickets: 7,
      escalated: 4,
      escalationRate: 4 / 7,
      resolved: 5,
      reopened: 2,
      firstContactResolved: 1,
      fcrRate: 1 / 5,
      // 0.5 h, 1 h, 2 h, 10 h
      timeToFirstEscalation: { count: 4, medianMs: hours(1.5), p90Ms: hours(2) + 0.7 * hours(8) },
      // 3 h, 6 h
      resolutionAfterEscalation: { count: 2, medianMs: hours(4.5), p90Ms: hours(3) + 0.9 * hours(3) },
      pingPong: 1,
      pingPongRate: 1 / 4,
      escalations: 5,
      bounced: 1,
      bounceRate: 1 / 5,
    });
    expect(m.weekly).toEqual([
      { week: "2025-03-03", tickets: 4, escalated: 2, escalationRate: 0.5 },
      { week: "2025-03-10", tickets: 3, escalated: 2, escalationRate: 2 / 3 },
    ]);
    expect(m.byCategory).toEqual([
      { category: "exports", tickets: 3, escalated: 3 },
      { category: "billing", tickets: 4, escalated: 1 },
    ]);
    expect(m.perAgent).toEqual([
      // Tickets Ana escalated (T3, T4 twice, T7): the number her drill-down lists.
      { agentId: agent.A, name: "Ana", escalations: 3, resolved: 1 },
      { agentId: agent.B, name: "Ben", escalations: 1, resolved: 2 },
      { agentId: agent.C, name: "Cara", escalations: 0, resolved: 1 },
      { agentId: agent.D, name: "Dev", escalations: 0, resolved: 1 },
    ]);
  });

  it("groups by plan, first agent and week, and filters", async () => {
    const byPlan = await metrics("&groupBy=plan");
    expect(byPlan.groups.map((g) => [g.key, g.metrics.tickets, g.metrics.escalated])).toEqual([
      ["free", 2, 0],
      ["pro", 4, 3],
      ["none", 1, 1],
    ]);
    const byAgent = await metrics("&groupBy=agent");
    expect(byAgent.groups.map((g) => [g.label, g.metrics.tickets, g.metrics.firstContactResolved])).toEqual(
      [
        ["Ana", 5, 1],
        ["Ben", 2, 0],
      ].sort((a, b) => (agent[a[0] === "Ana" ? "A" : "B"]! < agent[b[0] === "Ana" ? "A" : "B"]! ? -1 : 1)),
    );
    const byWeek = await metrics("&groupBy=week");
    expect(byWeek.groups.map((g) => [g.key, g.metrics.resolved])).toEqual([
      ["2025-03-03", 4],
      ["2025-03-10", 1],
    ]);
    const billing = await metrics("&queue=billing");
    expect([billing.overall.tickets, billing.overall.escalated, billing.overall.reopened]).toEqual([4, 1, 2]);
    expect((await metrics("&week=2025-03-10")).overall.tickets).toBe(3);
  });

  it("lists the tickets behind each number, newest first, paginated", async () => {
    expect(await drill("metric=tickets")).toEqual(refs("T7", "T6", "T5", "T4", "T3", "T2", "T1"));
    expect(await drill("metric=escalated")).toEqual(refs("T7", "T6", "T4", "T3"));
    expect(await drill("metric=resolved")).toEqual(refs("T5", "T4", "T3", "T2", "T1"));
    expect(await drill("metric=reopened")).toEqual(refs("T6", "T5"));
    expect(await drill("metric=first_contact_resolved")).toEqual(refs("T1"));
    expect(await drill("metric=escalated_resolved")).toEqual(refs("T4", "T3"));
    expect(await drill("metric=ping_pong")).toEqual(refs("T4"));
    expect(await drill("metric=bounced")).toEqual(refs("T4"));
    expect(await drill(`metric=agent_escalations&agent=${agent.A}`)).toEqual(refs("T7", "T4", "T3"));
    // Each agent's number is the length of their drill-down.
    for (const row of (await metrics()).perAgent) {
      expect(await drill(`metric=agent_escalations&agent=${row.agentId}`)).toHaveLength(row.escalations);
      expect(await drill(`metric=agent_resolved&agent=${row.agentId}`)).toHaveLength(row.resolved);
    }
    expect(await drill(`metric=agent_resolved&agent=${agent.B}`)).toEqual(refs("T5", "T2"));
    expect(await drill("metric=escalated&plan=pro")).toEqual(refs("T6", "T4", "T3"));
    const first = await (await get(`/api/v1/metrics/escalations/tickets?${PERIOD}&metric=tickets&limit=4`)).json();
    const second = await (
      await get(`/api/v1/metrics/escalations/tickets?${PERIOD}&metric=tickets&limit=4&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.tickets, ...second.tickets].map((x: { reference: string }) => x.reference)).toEqual(
      refs("T7", "T6", "T5", "T4", "T3", "T2", "T1"),
    );
    expect(second.nextCursor).toBeNull();
  });

  it("picks up timeline events written after the first request", async () => {
    const before = await metrics();
    const h = timeline(database.db, t.workspace.id, ids.T7!.id, new Date(WEEK2.getTime() + hours(2)));
    await h.resolve(hours(4), agent.C!);
    const after = await metrics();
    expect(after.overall.resolved).toBe(before.overall.resolved + 1);
    expect(after.overall.resolutionAfterEscalation.count).toBe(3);
    await h.reopen(hours(5));
    expect((await metrics()).overall.resolved).toBe(before.overall.resolved);
  });

  it("collects the customer's and the receiving agent's feedback and summarises it", async () => {
    const customer = (key: string, body: unknown, token = uploadTokenFor(t.workspace, ids[key]!.id)) =>
      t.request(`/api/v1/widget/tickets/${ids[key]!.id}/feedback`, {
        method: "POST",
        headers: { "Content-Type": "text/plain", Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const state = await t.request(
      `/api/v1/widget/tickets/${ids.T3!.id}/feedback?token=${uploadTokenFor(t.workspace, ids.T3!.id)}`,
      { headers: { Origin: CUSTOMER_ORIGIN } },
    );
    expect(await state.json()).toEqual({ ticketId: ids.T3!.id, eligible: true, answered: false });
    // A page on this server (same origin) sends no Origin on GET; Sec-Fetch-Site says where it comes from.
    const statePath = `/api/v1/widget/tickets/${ids.T3!.id}/feedback?token=${uploadTokenFor(t.workspace, ids.T3!.id)}`;
    expect((await t.request(statePath, { headers: { "Sec-Fetch-Site": "same-origin" } })).status).toBe(200);
    expect((await t.request(statePath, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
    expect(
      (await customer("T3", { repeatedThemselves: true, peopleTalkedTo: 2, resolvedInReasonableTime: true })).status,
    ).toBe(201);
    expect(
      (await customer("T4", { repeatedThemselves: false, peopleTalkedTo: 3, resolvedInReasonableTime: false })).status,
    ).toBe(201);
    // Twice, before resolution, with a wrong token, with bad answers.
    expect(
      (await customer("T3", { repeatedThemselves: true, peopleTalkedTo: 2, resolvedInReasonableTime: true })).status,
    ).toBe(409);
    expect(
      (await customer("T6", { repeatedThemselves: true, peopleTalkedTo: 2, resolvedInReasonableTime: true })).status,
    ).toBe(409);
    expect(
      (await customer("T4", { repeatedThemselves: true, peopleTalkedTo: 1, resolvedInReasonableTime: true }, "nope"))
        .status,
    ).toBe(401);
    const bad = await customer("T1", { repeatedThemselves: "yes", peopleTalkedTo: 0 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "peopleTalkedTo",
      "repeatedThemselves",
      "resolvedInReasonableTime",
    ]);

    const cara = await addLogin("Cara");
    const ana = await addLogin("Ana");
    const agentAnswer = (c: string, key: string) =>
      t.request(`/api/v1/tickets/${ids[key]!.id}/feedback`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN, Cookie: c },
        body: JSON.stringify({ handoffHadWhatWasNeeded: false, missing: "no HAR file" }),
      });
    expect((await agentAnswer(ana, "T3")).status).toBe(403); // she sent the handoff, she did not receive it
    expect((await agentAnswer(cara, "T3")).status).toBe(201);
    expect((await agentAnswer(cara, "T3")).status).toBe(409);
    expect((await metrics()).feedback).toEqual({
      customerResponses: 2,
      repeatedThemselves: 1,
      averagePeopleTalkedTo: 2.5,
      resolvedInReasonableTime: 1,
      agentResponses: 1,
      handoffHadWhatWasNeeded: 0,
    });
    // Each feedback number opens the tickets behind it.
    const behind = async (metric: string) =>
      (
        (await (await get(`/api/v1/metrics/escalations/tickets?${PERIOD}&metric=${metric}`)).json()).tickets as {
          id: string;
        }[]
      )
        .map((x) => x.id)
        .sort();
    expect(await behind("customer_feedback")).toEqual([ids.T3!.id, ids.T4!.id].sort());
    expect(await behind("repeated_themselves")).toEqual([ids.T3!.id]);
    expect(await behind("resolved_in_reasonable_time")).toEqual([ids.T3!.id]);
    expect(await behind("agent_feedback")).toEqual([ids.T3!.id]);
    expect(await behind("handoff_had_what_was_needed")).toEqual([]);
  });

  it("validates queries with one issue per field and keeps other workspaces out", async () => {
    const bad = await get("/api/v1/metrics/escalations?from=yesterday&groupBy=mood");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["from", "groupBy"]);
    const inverted = await get("/api/v1/metrics/escalations?from=2025-03-17&to=2025-03-03");
    expect(inverted.status).toBe(422);
    // One day picked in a date picker: `to` is the whole day, so from = to is that day, not an empty range.
    const oneDay = await get("/api/v1/metrics/escalations?from=2025-03-03&to=2025-03-03");
    expect(oneDay.status).toBe(200);
    const day = await oneDay.json();
    expect([day.from, day.to]).toEqual(["2025-03-03T00:00:00.000Z", "2025-03-04T00:00:00.000Z"]);
    const sameDay = await (
      await get("/api/v1/metrics/escalations?from=2025-03-03T00:00:00Z&to=2025-03-04T00:00:00Z")
    ).json();
    expect(day.overall).toEqual(sameDay.overall);
    expect(day.overall.tickets).toBeGreaterThan(0);
    expect((await get("/api/v1/metrics/escalations/tickets?metric=tickets&from=2025-03-03&to=2025-03-03")).status).toBe(
      200,
    );
    const emptyInstant = await get("/api/v1/metrics/escalations?from=2025-03-03T00:00:00Z&to=2025-03-03T00:00:00Z");
    expect(emptyInstant.status).toBe(422);
    expect((await get("/api/v1/metrics/escalations")).status).toBe(200);
    expect((await t.request("/api/v1/metrics/escalations")).status).toBe(401);
    const otherCookie = await t.login({ email: "o@example.com", password: "another long password" });
    const theirs = await (await get(`/api/v1/metrics/escalations?${PERIOD}`, otherCookie)).json();
    expect(theirs.overall.tickets).toBe(1);
    expect((await get(`/api/v1/tickets/${ids.T3!.id}/feedback`, otherCookie)).status).toBe(404);
  });

  /** Gives a directly inserted agent a password and logs in as them. */
  async function addLogin(name: string) {
    const { hashPassword } = await import("../../server/lib/crypto.js");
    const { agents } = await import("../../server/db/schema.js");
    const { eq } = await import("drizzle-orm");
    const [row] = await database.db
      .update(agents)
      .set({ passwordHash: await hashPassword("long enough password") })
      .where(eq(agents.name, name))
      .returning();
    return t.login({ email: row!.email, password: "long enough password" });
  }
});
