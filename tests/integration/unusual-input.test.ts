import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { handoff } from "../helpers/handoff-note.js";
import { createTestApp, ticketBody, type TestApp } from "../helpers/test-app.js";

// Text pasted from anywhere: a NUL character (PostgreSQL text cannot hold one) must not lose the ticket or the reply.
describe.each(DATABASE_KINDS)("unusual input on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let agent: AgentClient;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    agent = agentClient(t, await t.login());
  });
  afterAll(() => database?.close());

  it("a NUL character in a ticket, a reply, a handoff note or a filter is dropped, never a 500", async () => {
    const filed = await t.createTicket(
      ticketBody({
        recording: { included: false },
        subject: "Export\u0000 fails",
        context: { ...ticketBody().context, metadata: { "plan\u0000": "pro\u0000" } },
      }),
    );
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const ticket = (await agent.get(`/api/v1/tickets/${id}`)).body;
    expect(ticket.subject).toBe("Export fails");

    const reply = await agent.post(`/api/v1/tickets/${id}/messages`, { body: "Fixed\u0000 now", internal: false });
    expect(reply.status).toBe(201);
    expect(reply.body.body).toBe("Fixed now");
    const escalated = await agent.post(`/api/v1/tickets/${id}/escalations`, {
      ...handoff,
      replayMoments: undefined,
      customerGoal: "Export\u0000 the report",
    });
    expect(escalated.status).toBe(201);
    expect(escalated.body.customerGoal).toBe("Export the report");
    expect((await agent.patch(`/api/v1/tickets/${id}`, { queue: "bil\u0000ling" })).body.queue).toBe("billing");

    for (const filter of ["plan", "queue", "q"]) {
      expect((await agent.get(`/api/v1/tickets?${filter}=a%00b`)).status, filter).toBe(200);
    }
  });

  it("search with SQL and full-text operators finds literally, and a long query is a clear 422", async () => {
    await fileTicket(t, { subject: "100% off_by_one in C:\\reports 'quoted' \"twice\"" });
    for (const q of ["%", "_", "\\", "'", '"', "%_\\'\"", "!|&:*()<>"]) {
      const res = await agent.get(`/api/v1/tickets?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const words = await agent.get(`/api/v1/tickets?q=${encodeURIComponent("off_by_one 'quoted'")}`);
    expect(words.body.tickets.map((x: { subject: string }) => x.subject)).toEqual([
      "100% off_by_one in C:\\reports 'quoted' \"twice\"",
    ]);
    const long = await agent.get(`/api/v1/tickets?q=${"a".repeat(5000)}`);
    expect(long.status).toBe(422);
    expect(long.body.error.issues[0].path).toBe("q");
  });
});
