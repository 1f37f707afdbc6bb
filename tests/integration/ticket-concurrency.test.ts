import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { tickets } from "../../server/db/schema.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { createAgent } from "../helpers/agents.js";
import { handoff } from "../helpers/handoff-note.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

// Two agents on one ticket at once, or one acting on a page left open while the other changed the ticket.
describe.each(DATABASE_KINDS)("two agents on one ticket on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let alex: AgentClient;
  let sam: AgentClient;
  let alexId: string;
  let samId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    const workspaceId = t.workspace.id;
    const agent = (email: string, tier: number, name?: string) =>
      createAgent(database.db, { workspaceId, email, name, tier, skills: ["technical"] });
    const a = await agent("alex@example.com", 1, "Alex");
    const s = await agent("sam@example.com", 1, "Sam");
    await agent("lee@example.com", 2);
    await agent("kai@example.com", 3);
    alexId = a.id;
    samId = s.id;
    alex = agentClient(t, await t.login({ email: a.email, password: a.password }));
    sam = agentClient(t, await t.login({ email: s.email, password: s.password }));
  });
  afterAll(() => database?.close());

  /** A tier-1 technical ticket nobody holds yet. */
  async function openTicket() {
    const { id } = await fileTicket(t);
    await database.db
      .update(tickets)
      .set({ tier: 1, queue: "technical", assigneeId: null, status: "open" })
      .where(eq(tickets.id, id));
    return id;
  }
  const seenOf = async (id: string) => {
    const ticket = (await alex.get(`/api/v1/tickets/${id}`)).body;
    return { tier: ticket.tier, queue: ticket.queue, status: ticket.status, assigneeId: ticket.assigneeId };
  };

  it("both escalate what they saw at tier 1: one escalation to tier 2, the other gets 409 saying who moved it", async () => {
    const id = await openTicket();
    const seen = await seenOf(id);
    const results = await Promise.all(
      [alex, sam].map((agent) => agent.post(`/api/v1/tickets/${id}/escalations`, { ...handoff, seen })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.status === 409)!;
    const winner = results[0]!.status === 201 ? "Alex" : "Sam";
    expect(lost.body.error.message).toContain(`${winner} changed this ticket`);
    expect(lost.body.error.message).toContain("tier 1 → tier 2");
    const ticket = (await alex.get(`/api/v1/tickets/${id}`)).body;
    expect(ticket.tier).toBe(2);
    expect(ticket.escalation.count).toBe(1);
    const list = (await alex.get(`/api/v1/tickets/${id}/escalations`)).body.escalations;
    expect(list).toHaveLength(1);
  });

  it("both claim the unassigned ticket at once: one holds it, the other is told who claimed it", async () => {
    const id = await openTicket();
    const seen = { assigneeId: null };
    const [a, s] = await Promise.all([
      alex.patch(`/api/v1/tickets/${id}`, { assigneeId: alexId, seen }),
      sam.patch(`/api/v1/tickets/${id}`, { assigneeId: samId, seen }),
    ]);
    expect([a.status, s.status].sort()).toEqual([200, 409]);
    const [won, lost, winnerId, winner] = a.status === 200 ? [a, s, alexId, "Alex"] : [s, a, samId, "Sam"];
    expect(won.body.assigneeId).toBe(winnerId);
    expect(lost.body.error.message).toContain(`assignee nobody → ${winner}`);
    expect((await alex.get(`/api/v1/tickets/${id}`)).body.assigneeId).toBe(winnerId);
    const events = (await alex.get(`/api/v1/tickets/${id}/events`)).body.events;
    const claims = events.filter(
      (e: { type: string; details: { reason?: string } }) => e.type === "assigned" && e.details.reason === "claim",
    );
    expect(claims).toHaveLength(1);
  });

  it("one moves the ticket down while the other escalates it: the second sees the first's change, not a silent mix", async () => {
    const id = await openTicket();
    expect((await alex.post(`/api/v1/tickets/${id}/escalations`, handoff)).status).toBe(201);
    const seen = await seenOf(id);
    const [up, down] = await Promise.all([
      alex.post(`/api/v1/tickets/${id}/escalations`, { ...handoff, seen }),
      sam.post(`/api/v1/tickets/${id}/de-escalations`, { reason: "Fix shipped", seen }),
    ]);
    // Exactly one applies; the other is told what changed.
    expect([up.status === 201, down.status === 200].filter(Boolean)).toHaveLength(1);
    expect((up.status === 201 ? down : up).status).toBe(409);
    const ticket = (await alex.get(`/api/v1/tickets/${id}`)).body;
    expect(ticket.tier).toBe(up.status === 201 ? 3 : 1);
    // The timeline is in the order the changes were made.
    const events = (await alex.get(`/api/v1/tickets/${id}/events`)).body.events as { id: number; at: string }[];
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
  });

  it("a page left open: replying status or escalating a ticket someone closed meanwhile is refused, not reopened", async () => {
    const id = await openTicket();
    const stale = await seenOf(id);
    expect((await alex.patch(`/api/v1/tickets/${id}`, { status: "closed" })).status).toBe(200);
    const status = await sam.patch(`/api/v1/tickets/${id}`, { status: "pending", seen: { status: stale.status } });
    expect(status.status).toBe(409);
    expect(status.body.error.message).toContain("Alex changed this ticket");
    expect(status.body.error.message).toContain("status open → closed");
    const escalate = await sam.post(`/api/v1/tickets/${id}/escalations`, { ...handoff, seen: stale });
    expect(escalate.status).toBe(409);
    expect((await alex.get(`/api/v1/tickets/${id}`)).body.status).toBe("closed");
  });

  it("without `seen` an API client still acts on the ticket as it is now", async () => {
    const id = await openTicket();
    expect((await alex.patch(`/api/v1/tickets/${id}`, { assigneeId: alexId })).status).toBe(200);
    expect((await sam.patch(`/api/v1/tickets/${id}`, { assigneeId: samId })).body.assigneeId).toBe(samId);
    expect((await sam.patch(`/api/v1/tickets/${id}`, { seen: { tier: 1 } })).status).toBe(422);
  });
});
