import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { ticketEvents, tickets } from "../../server/db/schema.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import {
  agentClient,
  fileTicket as fileTicketAsCustomer,
  otherWorkspace,
  type AgentClient,
} from "../helpers/agent-client.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(DATABASE_KINDS)("ticket updates and the agents' conversation on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let adminId: string;
  let kimId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    adminId = (await admin.get("/api/v1/auth/me")).body.id;
    kimId = (
      await admin.post("/api/v1/agents", { email: "kim@example.com", name: "Kim Lee", password: "kims password 1" })
    ).body.id;
  });
  afterAll(() => database?.close());

  /** What agents did to the ticket: leaves out its creation and the automatic triage and routing on arrival. */
  const events = (ticketId: string) =>
    database.db
      .select({ type: ticketEvents.type, actorId: ticketEvents.actorId, details: ticketEvents.details })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.actorType, "agent")))
      .orderBy(asc(ticketEvents.id));
  /** A ticket as it arrives, then put back to untriaged and unassigned so each test sets what it checks. */
  const fileTicket = async (
    ...args: Parameters<typeof fileTicketAsCustomer> extends [unknown, ...infer R] ? R : never
  ) => {
    const created = await fileTicketAsCustomer(t, ...args);
    await database.db
      .update(tickets)
      .set({ queue: null, severity: null, assigneeId: null })
      .where(eq(tickets.id, created.id));
    return created;
  };
  const row = async (id: string) => (await database.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;

  it("claims, reassigns and unassigns, each on the timeline", async () => {
    const { id } = await fileTicket();
    const claimed = await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: adminId });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assigneeId).toBe(adminId);
    await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: kimId });
    await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: null });
    expect(await events(id)).toEqual([
      { type: "assigned", actorId: adminId, details: { agentId: adminId, previousAgentId: null, reason: "claim" } },
      { type: "assigned", actorId: adminId, details: { agentId: kimId, previousAgentId: adminId, reason: "manual" } },
      { type: "unassigned", actorId: adminId, details: { previousAgentId: kimId } },
    ]);
    expect((await row(id)).lastAgentActivityAt).not.toBeNull();
    const feed = await admin.get(`/api/v1/tickets/${id}/events`);
    const byAgents = feed.body.events.filter(
      (e: { actorType: string; type: string }) => e.actorType === "agent" || e.type === "created",
    );
    expect(byAgents.map((e: { type: string; actorName: string | null }) => [e.type, e.actorName])).toEqual([
      ["created", null],
      ["assigned", "Admin"],
      ["assigned", "Admin"],
      ["unassigned", "Admin"],
    ]);
  });

  it("changes status, severity and queue; resolving stamps resolved_at and reopening clears it", async () => {
    const { id } = await fileTicket();
    const res = await admin.patch(`/api/v1/tickets/${id}`, { status: "resolved", severity: "high", queue: "billing" });
    expect(res.body).toMatchObject({ status: "resolved", severity: "high", queue: "billing" });
    expect((await row(id)).resolvedAt).not.toBeNull();
    await admin.patch(`/api/v1/tickets/${id}`, { status: "open" });
    expect((await row(id)).resolvedAt).toBeNull();
    // Sending the same values again changes nothing and records nothing.
    await admin.patch(`/api/v1/tickets/${id}`, { severity: "high", queue: "billing" });
    expect((await events(id)).map((e) => [e.type, e.details])).toEqual([
      ["status_changed", { from: "open", to: "resolved" }],
      ["fields_changed", { severity: { from: null, to: "high" }, queue: { from: null, to: "billing" } }],
      ["status_changed", { from: "resolved", to: "open" }],
    ]);
  });

  it('assigns "me" to the caller, recorded as a claim, as the queue\'s assignee=me reads it', async () => {
    const { id } = await fileTicket();
    const claimed = await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: "me" });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assigneeId).toBe(adminId);
    expect(await events(id)).toEqual([
      { type: "assigned", actorId: adminId, details: { agentId: adminId, previousAgentId: null, reason: "claim" } },
    ]);
    const mine = await admin.get(`/api/v1/tickets?assignee=me&q=${claimed.body.reference}`);
    expect(mine.body.tickets.map((ticket: { id: string }) => ticket.id)).toEqual([id]);
    const bad = await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: "myself" });
    expect(bad.body.error.issues).toEqual([{ path: "assigneeId", message: "an agent id, me or null" }]);
  });

  it("refuses invalid changes with one issue per field, and an agent of another workspace as assignee", async () => {
    const { id } = await fileTicket();
    const bad = await admin.patch(`/api/v1/tickets/${id}`, { status: "done", severity: "urgent", assigneeId: "bob" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "assigneeId",
      "severity",
      "status",
    ]);
    expect((await admin.patch(`/api/v1/tickets/${id}`, {})).status).toBe(422);
    const escalate = await admin.patch(`/api/v1/tickets/${id}`, { status: "escalated" });
    expect(escalate.status).toBe(422);
    expect(escalate.body.error.issues[0].path).toBe("status");
    const other = await otherWorkspace(t, "assignee");
    const otherAdminId = (await other.client.get("/api/v1/auth/me")).body.id;
    const foreign = await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: otherAdminId });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.issues).toEqual([{ path: "assigneeId", message: "no such agent in this workspace" }]);
    expect((await row(id)).assigneeId).toBeNull();
  });

  it("refuses a queue the workspace does not have, as escalation does, and changes nothing", async () => {
    const { id } = await fileTicket();
    const typo = await admin.patch(`/api/v1/tickets/${id}`, { queue: "bilingg", severity: "high" });
    expect(typo.status).toBe(422);
    expect(typo.body.error).toMatchObject({
      code: "validation_failed",
      message: "1 field is invalid",
      requestId: expect.any(String),
      issues: [{ path: "queue", message: 'no queue "bilingg" in this workspace' }],
    });
    // Both bad fields are named at once.
    const both = await admin.patch(`/api/v1/tickets/${id}`, { queue: "nowhere", assigneeId: crypto.randomUUID() });
    expect(both.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["assigneeId", "queue"]);
    expect(await row(id)).toMatchObject({ queue: null, severity: null, assigneeId: null });
    expect(await events(id)).toEqual([]);
    // A queue routing itself uses, and no queue at all, are still fine.
    expect((await admin.patch(`/api/v1/tickets/${id}`, { queue: "security" })).body.queue).toBe("security");
    expect((await admin.patch(`/api/v1/tickets/${id}`, { queue: null })).body.queue).toBeNull();
  });

  it("allows assigning an agent without the queue's skill or tier, and records the override", async () => {
    const { id } = await fileTicket();
    await database.db.update(tickets).set({ queue: "billing", tier: 2 }).where(eq(tickets.id, id));
    const billingLead = (
      await admin.post("/api/v1/agents", {
        email: "bea@example.com",
        name: "Bea Lind",
        password: "beas password 1",
        tier: 2,
        skills: ["billing"],
      })
    ).body.id;
    // Kim (tier 1, no skills): accepted, as a lead's override.
    const kim = await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: kimId });
    expect(kim.status).toBe(200);
    expect(kim.body.assigneeId).toBe(kimId);
    await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: billingLead });
    // Moving the ticket to a queue in the same change is judged against the new queue.
    await admin.patch(`/api/v1/tickets/${id}`, { assigneeId: kimId, queue: "security" });
    expect((await events(id)).filter((e) => e.type === "assigned").map((e) => e.details)).toEqual([
      {
        agentId: kimId,
        previousAgentId: null,
        reason: "manual",
        override: { missingSkill: "billing", agentTier: 1, ticketTier: 2 },
      },
      { agentId: billingLead, previousAgentId: kimId, reason: "manual" },
      {
        agentId: kimId,
        previousAgentId: billingLead,
        reason: "manual",
        override: { missingSkill: "security", agentTier: 1, ticketTier: 2 },
      },
    ]);
    // The timeline the console reads carries it too.
    const feed = await admin.get(`/api/v1/tickets/${id}/events`);
    const assigned = feed.body.events.filter((e: { type: string }) => e.type === "assigned");
    expect(assigned[0].details.override).toEqual({ missingSkill: "billing", agentTier: 1, ticketTier: 2 });
  });

  it("posts public replies and internal notes, told apart, with authors, in order", async () => {
    const { id } = await fileTicket({ name: "Jamie Rivera" });
    await database.db.update(tickets).set({ customerRepliesSinceAgent: 2 }).where(eq(tickets.id, id));
    const reply = await admin.post(`/api/v1/tickets/${id}/messages`, { body: "Could you try again now?" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ authorType: "agent", authorName: "Admin", internal: false, agentId: adminId });
    const note = await admin.post(`/api/v1/tickets/${id}/messages`, {
      body: "Looks like the export worker is down",
      internal: true,
    });
    expect(note.body.internal).toBe(true);
    const list = await admin.get(`/api/v1/tickets/${id}/messages`);
    expect(list.body.messages.map((m: { body: string; internal: boolean }) => [m.body, m.internal])).toEqual([
      ["Could you try again now?", false],
      ["Looks like the export worker is down", true],
    ]);
    const after = await row(id);
    expect(after.customerRepliesSinceAgent).toBe(0);
    expect(after.lastAgentReplyAt).not.toBeNull();
    expect(await events(id)).toEqual([
      { type: "replied", actorId: adminId, details: { messageId: reply.body.id } },
      { type: "note_added", actorId: adminId, details: { messageId: note.body.id } },
    ]);
  });

  it("refuses an empty or oversized message with 422", async () => {
    const { id } = await fileTicket();
    const empty = await admin.post(`/api/v1/tickets/${id}/messages`, { body: "   ", internal: "yes" });
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["body", "internal"]);
    expect((await admin.post(`/api/v1/tickets/${id}/messages`, { body: "x".repeat(10_001) })).status).toBe(422);
  });

  it("answers 404 for another workspace's ticket on every route, and refuses cross-site writes", async () => {
    const { id } = await fileTicket();
    const other = await otherWorkspace(t, "snoop");
    expect((await other.client.patch(`/api/v1/tickets/${id}`, { status: "closed" })).status).toBe(404);
    expect((await other.client.get(`/api/v1/tickets/${id}/messages`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/tickets/${id}/events`)).status).toBe(404);
    expect((await other.client.post(`/api/v1/tickets/${id}/messages`, { body: "hi" })).status).toBe(404);
    const crossSite = await t.request(`/api/v1/tickets/${id}/messages`, {
      method: "POST",
      headers: { Cookie: await t.login(), Origin: "https://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify({ body: "phish" }),
    });
    expect(crossSite.status).toBe(403);
    expect((await admin.get(`/api/v1/tickets/${id}/messages`)).body.messages).toEqual([]);
    expect((await row(id)).status).toBe("open");
  });
});
