import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import type { Database } from "../../server/db/client.js";
import { agents, ticketEvents, tickets } from "../../server/db/schema.js";
import { runTimeTriggers } from "../../server/services/escalation/run-time-triggers.js";
import { CUSTOMER_HEADERS, CUSTOMER_PATHS } from "../../shared/customer-api.js";
import { DEFAULT_MATRIX_RULES } from "../../shared/default-matrix.js";

const MINUTE = 60_000;
const BROWSER = "browser-token-wiring-0000000000";

/** Issue 4's actions (PATCH, replies, notes, customer replies) drive ping-pong, time triggers and later matrix rules. */
describe.each(DATABASE_KINDS)("escalation workflow wired into ticket actions on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  const agent: Record<string, { id: string; client: AgentClient }> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    // Nobody is routed automatically: each test decides who touches the ticket.
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, t.workspace.id));
    for (const name of ["ann", "ben", "cat"]) {
      const row = await createAgent(database.db, {
        workspaceId: t.workspace.id,
        email: `${name}@example.com`,
        skills: ["technical"],
        available: false,
      });
      agent[name] = {
        id: row.id,
        client: agentClient(t, await t.login({ email: row.email, password: AGENT_PASSWORD })),
      };
    }
  });
  afterAll(() => database?.close());

  const detail = async (id: string) => (await admin.get(`/api/v1/tickets/${id}`)).body;
  const eventsOf = (id: string, type: string) =>
    database.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, type as never)))
      .orderBy(ticketEvents.id);
  const customerReply = (id: string, body: string) =>
    t.request(CUSTOMER_PATHS.messages(id), {
      method: "POST",
      headers: {
        Origin: CUSTOMER_ORIGIN,
        "Content-Type": "application/json",
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        [CUSTOMER_HEADERS.customerToken]: BROWSER,
      },
      body: JSON.stringify({ body }),
    });

  it("flags ping-pong when a third agent touches the ticket through claim, reassignment and status changes", async () => {
    const { id } = await fileTicket(t);
    expect((await agent.ann!.client.patch(`/api/v1/tickets/${id}`, { assigneeId: agent.ann!.id })).status).toBe(200);
    expect((await agent.ann!.client.patch(`/api/v1/tickets/${id}`, { assigneeId: agent.ben!.id })).status).toBe(200);
    expect((await detail(id)).flags.pingPong).toBe(false);
    const third = await agent.cat!.client.patch(`/api/v1/tickets/${id}`, { status: "pending" });
    expect(third.body.flags.pingPong).toBe(true);
    const [event] = await eventsOf(id, "ping_pong");
    expect(event!.details).toMatchObject({ reason: "3 agents have touched it" });
    expect([...(event!.details.agents as string[])].sort()).toEqual(
      [agent.ann!.id, agent.ben!.id, agent.cat!.id].sort(),
    );
    const queue = await admin.get(`/api/v1/tickets?status=pending`);
    expect(queue.body.tickets.find((row: { id: string }) => row.id === id).flags.pingPong).toBe(true);
    // Recorded once, however many more touches follow.
    await admin.post(`/api/v1/tickets/${id}/messages`, { body: "Looking into it", internal: true });
    expect(await eventsOf(id, "ping_pong")).toHaveLength(1);
  });

  it("counts agents who replied or wrote notes, and starts afresh after a resolution", async () => {
    const { id } = await fileTicket(t, {}, { [CUSTOMER_HEADERS.customerToken]: BROWSER });
    await agent.ann!.client.post(`/api/v1/tickets/${id}/messages`, {
      body: "Can you send a screenshot?",
      internal: false,
    });
    await agent.ben!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Seen this before", internal: true });
    await agent.ben!.client.patch(`/api/v1/tickets/${id}`, { status: "resolved" });
    expect((await customerReply(id, "It is back")).status).toBe(201); // the customer's reply reopens it
    // Ann and Ben touched it before the resolution: Cat alone is not a third agent in this cycle.
    await agent.cat!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Reopened, checking", internal: true });
    expect((await detail(id)).flags.pingPong).toBe(false);
    await agent.ben!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Same as last time", internal: false });
    expect((await detail(id)).flags.pingPong).toBe(false);
    const reply = await agent.ann!.client.post(`/api/v1/tickets/${id}/messages`, {
      body: "Fixed now",
      internal: false,
    });
    expect(reply.status).toBe(201);
    expect((await detail(id)).flags.pingPong).toBe(true);
  });

  it("clears the ping-pong flag when the ticket is resolved, and flags a reopened ticket again only when it bounces around again", async () => {
    const { id } = await fileTicket(t, {}, { [CUSTOMER_HEADERS.customerToken]: BROWSER });
    await agent.ann!.client.patch(`/api/v1/tickets/${id}`, { assigneeId: agent.ann!.id });
    await agent.ben!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Seen this before", internal: true });
    await agent.cat!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Over to me", internal: true });
    expect((await detail(id)).flags.pingPong).toBe(true);
    const resolved = await agent.cat!.client.patch(`/api/v1/tickets/${id}`, { status: "resolved" });
    expect(resolved.body.flags.pingPong).toBe(false);
    // Reopened by the customer, handled by one agent: not changing hands.
    expect((await customerReply(id, "It is back")).status).toBe(201);
    await agent.cat!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Checking again", internal: false });
    expect((await detail(id)).flags.pingPong).toBe(false);
    const queue = await admin.get(`/api/v1/tickets?status=open`);
    expect(queue.body.tickets.find((row: { id: string }) => row.id === id).flags.pingPong).toBe(false);
    // Passed around again in this cycle: flagged, and recorded again (the lead is told again).
    await agent.ann!.client.post(`/api/v1/tickets/${id}/messages`, { body: "Mine now", internal: true });
    await agent.ben!.client.post(`/api/v1/tickets/${id}/messages`, { body: "No, mine", internal: true });
    expect((await detail(id)).flags.pingPong).toBe(true);
    expect(await eventsOf(id, "ping_pong")).toHaveLength(2);
  });

  it("suggests escalating when the customer replies 3 times through the widget, and the reply rule fires once", async () => {
    const { id } = await fileTicket(t, {}, { [CUSTOMER_HEADERS.customerToken]: BROWSER });
    const before = await detail(id);
    expect(before).toMatchObject({ tier: 1, priority: 2, flags: { escalationSuggested: false } });
    for (const body of ["Any news?", "Still broken", "Hello?"])
      expect((await customerReply(id, body)).status).toBe(201);
    const after = await detail(id);
    expect(after.flags.escalationSuggested).toBe(true);
    expect(after.escalation.suggestedReason).toBe("3 customer replies since the last agent reply");
    // The shipped "customer waiting" rule (3 replies -> priority 3) fired later, with a triaged event saying why.
    expect(after.priority).toBe(3);
    expect(after.triage.rules.map((r: { id: string }) => r.id)).toContain("customer-waiting");
    const retriage = (await eventsOf(id, "triaged")).filter((e) => e.details.reevaluated);
    expect(retriage).toHaveLength(1);
    expect(retriage[0]!.details.rules).toEqual([
      { id: "customer-waiting", name: expect.any(String), why: ["3 customer replies since the last agent reply"] },
    ]);
    expect(await eventsOf(id, "escalation_suggested")).toHaveLength(1);
    // A fourth reply neither re-fires the rule nor suggests again.
    await customerReply(id, "Anyone?");
    expect((await eventsOf(id, "triaged")).filter((e) => e.details.reevaluated)).toHaveLength(1);
    expect(await eventsOf(id, "escalation_suggested")).toHaveLength(1);
  });

  it("restarts the 45-minute clock when an agent replies through the API", async () => {
    const { id } = await fileTicket(t);
    const now = Date.now();
    await database.db
      .update(tickets)
      .set({ tierEnteredAt: new Date(now - 40 * MINUTE) })
      .where(eq(tickets.id, id));
    await agent.ann!.client.post(`/api/v1/tickets/${id}/messages`, { body: "On it", internal: false });
    // 50 minutes after entering tier 1 but 10 after the reply: not yet.
    await runTimeTriggers(database.db, { now: new Date(now + 10 * MINUTE) });
    expect((await detail(id)).flags.escalationSuggested).toBe(false);
    await runTimeTriggers(database.db, { now: new Date(now + 47 * MINUTE) });
    expect((await detail(id)).escalation.suggestedReason).toMatch(/^4[67] min in tier 1 without agent activity/);
  });

  it("fires a 'time in tier without agent activity' rule in the time-trigger pass, once, and re-routes", async () => {
    const tier2 = await createAgent(database.db, {
      workspaceId: t.workspace.id,
      email: "dora@example.com",
      tier: 2,
      skills: ["technical"],
    });
    const current = (await admin.get("/api/v1/matrix")).body;
    const idleRule = {
      id: "idle-30",
      name: "30 min untouched goes to tier 2",
      enabled: true,
      when: { minutesInTierWithoutAgentActivity: 30 },
      then: { tier: 2, severity: "critical" },
    };
    const saved = await admin.put("/api/v1/matrix", {
      baseVersion: current.version,
      rules: [...DEFAULT_MATRIX_RULES, idleRule],
    });
    expect(saved.status).toBe(200);
    const { id } = await fileTicket(t);
    const start = Date.now();
    await database.db
      .update(tickets)
      .set({ tierEnteredAt: new Date(start) })
      .where(eq(tickets.id, id));
    await runTimeTriggers(database.db, { now: new Date(start + 29 * MINUTE) });
    expect(await detail(id)).toMatchObject({ tier: 1, severity: "high" });
    const pass = await runTimeTriggers(database.db, { now: new Date(start + 31 * MINUTE) });
    expect(pass.retriaged.find((r) => r.ticketId === id)?.rules.map((r) => r.id)).toEqual(["idle-30"]);
    const moved = await detail(id);
    expect(moved).toMatchObject({ tier: 2, severity: "critical", assigneeId: tier2.id });
    expect(moved.triage.rules.at(-1)).toEqual({
      id: "idle-30",
      name: idleRule.name,
      why: ["31 min in this tier without agent activity"],
    });
    await runTimeTriggers(database.db, { now: new Date(start + 120 * MINUTE) });
    expect((await eventsOf(id, "triaged")).filter((e) => e.details.reevaluated)).toHaveLength(1);
    await admin.put("/api/v1/matrix", { baseVersion: saved.body.version, rules: DEFAULT_MATRIX_RULES });
  });
});
