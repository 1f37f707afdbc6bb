import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { agentClient, fileTicket, otherWorkspace, type AgentClient } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import type { Database } from "../../server/db/client.js";
import { agents, ticketEvents, tickets, workspaces } from "../../server/db/schema.js";
import { runTimeTriggers } from "../../server/services/escalation/run-time-triggers.js";

const handoff = {
  summary: "POST /api/export returns 500 for this account",
  attempted: [{ action: "Retried in another browser", result: "Same 500" }],
  reason: "Failed request to an API path",
  customerGoal: "Export the Q3 report",
};

describe.each(DATABASE_KINDS)("de-escalation, thresholds and queues on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  const ids: Record<string, string> = {};
  const as: Record<string, AgentClient> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, t.workspace.id));
    for (const [name, tier, skills] of [
      ["first", 1, ["technical"]],
      ["second", 2, ["technical", "data-export"]],
      ["third", 3, ["technical"]],
    ] as const) {
      const row = await createAgent(database.db, {
        workspaceId: t.workspace.id,
        email: `${name}@example.com`,
        tier,
        skills: [...skills],
      });
      ids[name] = row.id;
      as[name] = agentClient(t, await t.login({ email: row.email, password: AGENT_PASSWORD }));
    }
  });
  afterAll(() => database?.close());

  const events = (id: string, type: string) =>
    database.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.type, type as never)));

  it("moves an escalated ticket back down to the agent who escalated it, with the reason on the timeline", async () => {
    const { id } = await fileTicket(t);
    expect((await as.first!.post(`/api/v1/tickets/${id}/escalations`, handoff)).body.toAgent.id).toBe(ids.second);
    const res = await as.second!.post(`/api/v1/tickets/${id}/de-escalations`, {
      reason: "Fix deployed; first line confirms with the customer",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tier: 1, status: "open", assigneeId: ids.first });
    const [event] = await events(id, "de_escalated");
    expect(event).toMatchObject({
      actorId: ids.second,
      details: {
        fromTier: 2,
        toTier: 1,
        reason: "Fix deployed; first line confirms with the customer",
        toAgentId: ids.first,
      },
    });
    const timeline = (await admin.get(`/api/v1/tickets/${id}/events`)).body.events.map((e: { type: string }) => e.type);
    expect(timeline.slice(-3)).toEqual(["de_escalated", "assigned", "status_changed"]);
  });

  it("goes down several tiers at once when asked, and refuses what is not a lower tier", async () => {
    const { id } = await fileTicket(t);
    await database.db.update(tickets).set({ tier: 3, assigneeId: ids.third }).where(eq(tickets.id, id));
    const invalid = await as.third!.post(`/api/v1/tickets/${id}/de-escalations`, { toTier: 2 + 1, reason: "" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["reason", "toTier"]);
    const down = await as.third!.post(`/api/v1/tickets/${id}/de-escalations`, {
      toTier: 1,
      reason: "Only a how-to question after all",
    });
    expect(down.body).toMatchObject({ tier: 1, assigneeId: ids.first });
    const again = await as.first!.post(`/api/v1/tickets/${id}/de-escalations`, { reason: "Lower still" });
    expect(again.status).toBe(422);
    expect(again.body.error.issues).toEqual([{ path: "toTier", message: "the ticket is already at tier 1" }]);
    expect(await events(id, "de_escalated")).toHaveLength(1);
  });

  it("keeps another workspace's ticket out of reach", async () => {
    const { id } = await fileTicket(t);
    await database.db.update(tickets).set({ tier: 2 }).where(eq(tickets.id, id));
    const other = await otherWorkspace(t);
    expect((await other.client.post(`/api/v1/tickets/${id}/de-escalations`, { reason: "not mine" })).status).toBe(404);
    expect((await admin.get(`/api/v1/tickets/${id}`)).body.tier).toBe(2);
  });

  it("lets admins change the thresholds, validated per field, and the time triggers use them", async () => {
    const defaults = await as.first!.get("/api/v1/matrix/settings");
    expect(defaults.body).toMatchObject({
      tier1MinutesWithoutProgress: 45,
      customerRepliesBeforeSuggest: 3,
      pingPongAgents: 3,
      pingPongEscalations: 2,
    });
    expect((await as.first!.put("/api/v1/matrix/settings", { tier1MinutesWithoutProgress: 10 })).status).toBe(403);
    const bad = await admin.put("/api/v1/matrix/settings", {
      tier1MinutesWithoutProgress: 0,
      pingPongAgents: "three",
      colour: "red",
    });
    expect(bad.status).toBe(422);
    // The unknown field is named at its own path (a typo is easy to find).
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "colour",
      "pingPongAgents",
      "tier1MinutesWithoutProgress",
    ]);
    const saved = await admin.put("/api/v1/matrix/settings", { tier1MinutesWithoutProgress: 20, pingPongAgents: 2 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      tier1MinutesWithoutProgress: 20,
      pingPongAgents: 2,
      customerRepliesBeforeSuggest: 3,
    });
    const [row] = await database.db
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, t.workspace.id));
    expect(row!.settings).toMatchObject({
      escalation: { tier1MinutesWithoutProgress: 20, changedBy: { name: expect.any(String) } },
    });

    const { id } = await fileTicket(t);
    const start = new Date(Date.now() + 3600_000);
    await database.db.update(tickets).set({ tierEnteredAt: start }).where(eq(tickets.id, id));
    await runTimeTriggers(database.db, { now: new Date(start.getTime() + 21 * 60_000) });
    expect((await admin.get(`/api/v1/tickets/${id}`)).body.escalation.suggestedReason).toBe(
      "21 min in tier 1 without agent activity (limit 20)",
    );
    // Two agents now make ping-pong.
    const { id: other } = await fileTicket(t);
    await as.first!.post(`/api/v1/tickets/${other}/messages`, { body: "Looking", internal: true });
    expect((await admin.get(`/api/v1/tickets/${other}`)).body.flags.pingPong).toBe(false);
    await as.second!.post(`/api/v1/tickets/${other}/messages`, { body: "Me too", internal: true });
    expect((await admin.get(`/api/v1/tickets/${other}`)).body.flags.pingPong).toBe(true);
    await admin.put("/api/v1/matrix/settings", {});
    expect((await admin.get("/api/v1/matrix/settings")).body.pingPongAgents).toBe(3);
  });

  it("lists the workspace's queues from the matrix and the agents' skills", async () => {
    const res = await as.first!.get("/api/v1/matrix/queues");
    expect(res.status).toBe(200);
    // The bootstrap admin covers the shipped queues; "data-export" exists only as an agent's skill.
    // Per tier too: routing hands a ticket only to an agent at its tier (the admin is at tier 3).
    expect(res.body.queues).toEqual([
      { name: "account", agents: 1, agentsByTier: [0, 0, 1], fromMatrix: true },
      { name: "billing", agents: 1, agentsByTier: [0, 0, 1], fromMatrix: true },
      { name: "data-export", agents: 1, agentsByTier: [0, 1, 0], fromMatrix: false },
      { name: "technical", agents: 4, agentsByTier: [1, 1, 2], fromMatrix: true },
    ]);
  });
});
