import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { tickets } from "../../server/db/schema.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import type { AgentClient } from "../helpers/agent-client.js";
import { addTicket } from "../helpers/escalation-history.js";
import type { TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

// An agent who leaves is deactivated: their open tickets must not keep waiting on someone who can no longer log in.
describe.each(DATABASE_KINDS)("deactivating an agent with tickets on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ database, t, admin } = app));

  async function newAgent(email: string, skills: string[]) {
    const res = await admin.post("/api/v1/agents", {
      email,
      name: email.split("@")[0],
      password: "a password 123",
      skills,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; openTickets: number };
  }
  const ticketOf = async (id: string) =>
    (await database.db.select().from(tickets).where(eq(tickets.id, id)).limit(1))[0]!;

  it("their open tickets go back to routing (another agent with the skill, or unassigned); finished ones stay theirs", async () => {
    const lee = await newAgent("lee@example.com", ["billing", "exports"]);
    const kim = await newAgent("kim@example.com", ["billing"]);
    const ws = t.workspace.id;
    const assign = async (status: "open" | "pending" | "resolved", queue: string) => {
      const ticket = await addTicket(database.db, { workspaceId: ws, createdAt: new Date(), queue, status });
      await database.db.update(tickets).set({ assigneeId: lee.id }).where(eq(tickets.id, ticket.id));
      return ticket;
    };
    const billing = await assign("open", "billing");
    const exports = await assign("pending", "exports");
    const done = await assign("resolved", "billing");

    const listed = await admin.get("/api/v1/agents");
    expect(listed.body.agents.find((a: { id: string }) => a.id === lee.id).openTickets).toBe(2);

    const res = await admin.patch(`/api/v1/agents/${lee.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, openTickets: 0 });
    expect((await ticketOf(billing.id)).assigneeId).toBe(kim.id);
    // Nobody else has the exports skill: it waits unassigned in its queue, where the queue view shows it.
    expect((await ticketOf(exports.id)).assigneeId).toBeNull();
    expect((await ticketOf(done.id)).assigneeId).toBe(lee.id);
    const activity = await admin.get(`/api/v1/tickets/${exports.id}/events`);
    expect(activity.body.events.map((e: { type: string }) => e.type)).toContain("unassigned");
  });
});
