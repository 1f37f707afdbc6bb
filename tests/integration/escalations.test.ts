import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import type { Database } from "../../server/db/client.js";
import { agents, escalations, ticketEvents, tickets } from "../../server/db/schema.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import { handoff } from "../helpers/handoff-note.js";

describe.each(DATABASE_KINDS)("escalating, bouncing and ping-pong on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    for (const [name, tier] of [
      ["first", 1],
      ["second", 2],
      ["third", 3],
    ] as const) {
      const agent = await createAgent(database.db, {
        workspaceId: w,
        email: `${name}@example.com`,
        name: `Agent ${name}`,
        tier,
        skills: ["technical"],
      });
      ids[name] = agent.id;
      cookies[name] = await t.login({ email: agent.email, password: AGENT_PASSWORD });
    }
  });
  afterAll(() => database?.close());

  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    t.request(path, {
      method,
      headers: { "Content-Type": "application/json", Origin: ORIGIN, Cookie: cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const getTicket = async (id: string, who = "first") =>
    (await send("GET", `/api/v1/tickets/${id}`, cookies[who]!)).json();

  /** A technical tier-1 ticket, routed to "first" (the only tier-1 technical agent). */
  async function technicalTicket(overrides: Partial<TicketCreateInput> = {}): Promise<string> {
    const { id } = await (await t.createTicket(ticketBody(overrides))).json();
    expect(await getTicket(id)).toMatchObject({ tier: 1, queue: "technical", assigneeId: ids.first });
    return id;
  }
  const events = async (ticketId: string) =>
    await database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(ticketEvents.id);

  it("refuses an incomplete handoff with one error per field and changes nothing", async () => {
    const id = await technicalTicket();
    const before = await events(id);
    const empty = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      summary: " ",
      attempted: [],
      reason: "",
    });
    expect(empty.status).toBe(422);
    const body = await empty.json();
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "attempted",
      "customerGoal",
      "reason",
      "summary",
    ]);
    const twoSentences = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      ...handoff,
      summary: "Export fails. The customer is angry.",
      attempted: [{ action: "", result: "nothing" }],
    });
    expect(twoSentences.status).toBe(422);
    const issues = (await twoSentences.json()).error.issues;
    expect(issues).toEqual([
      { path: "summary", message: "keep the summary to one sentence" },
      { path: "attempted.0.action", message: "required" },
    ]);
    expect(await getTicket(id)).toMatchObject({
      tier: 1,
      status: "open",
      assigneeId: ids.first,
      escalation: { count: 0 },
    });
    expect(await events(id)).toHaveLength(before.length);
    expect(await database.db.select().from(escalations).where(eq(escalations.ticketId, id))).toEqual([]);
  });

  it("refuses a handoff whose fields hold only invisible characters (zero-width, no-break spaces)", async () => {
    const id = await technicalTicket();
    const invisible = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      summary: "\u200b\u00a0",
      attempted: [{ action: "\u200b", result: "\u2060" }],
      reason: "\ufeff\u200d",
      customerGoal: "\u00a0\u200c",
    });
    expect(invisible.status).toBe(422);
    expect((await invisible.json()).error.issues).toEqual([
      { path: "summary", message: "required" },
      { path: "attempted.0.action", message: "required" },
      { path: "attempted.0.result", message: "required" },
      { path: "reason", message: "required" },
      { path: "customerGoal", message: "required" },
    ]);
    expect(await getTicket(id)).toMatchObject({ tier: 1, status: "open", escalation: { count: 0 } });
    // A summary in a script that joins with zero-width characters still counts as text.
    const joined = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      ...handoff,
      summary: "\u0915\u094d\u200d\u0937 export fails",
    });
    expect(joined.status).toBe(201);
  });

  it("refuses an escalation to a queue the workspace does not have, and changes nothing", async () => {
    const id = await technicalTicket();
    const before = await events(id);
    const typo = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      ...handoff,
      toQueue: "techincal",
    });
    expect(typo.status).toBe(422);
    expect((await typo.json()).error.issues).toEqual([
      { path: "toQueue", message: 'no queue "techincal" in this workspace' },
    ]);
    expect(await getTicket(id)).toMatchObject({ tier: 1, queue: "technical", status: "open", assigneeId: ids.first });
    expect(await events(id)).toHaveLength(before.length);
    // A queue routing itself uses is a destination even while nobody has its skill: it waits unassigned.
    const general = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, {
      ...handoff,
      toQueue: "general",
    });
    expect(general.status).toBe(201);
    expect(await getTicket(id)).toMatchObject({ queue: "general", assigneeId: null });
  });

  it("escalates one tier up to the matching agent, with the handoff card and timeline", async () => {
    const id = await technicalTicket();
    const res = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, handoff);
    expect(res.status).toBe(201);
    const escalation = await res.json();
    expect(escalation).toMatchObject({
      fromTier: 1,
      toTier: 2,
      toQueue: "technical",
      fromAgent: { id: ids.first, name: "Agent first" },
      toAgent: { id: ids.second, name: "Agent second" },
      replayMoments: handoff.replayMoments,
      bounce: null,
    });
    expect(await getTicket(id)).toMatchObject({
      tier: 2,
      status: "escalated",
      assigneeId: ids.second,
      escalation: { count: 1 },
    });
    const list = await (await send("GET", `/api/v1/tickets/${id}/escalations`, cookies.second!)).json();
    expect(list.escalations.map((e: { id: string }) => e.id)).toEqual([escalation.id]);
    const types = (await events(id)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(["assigned", "escalated", "status_changed"]);
  });

  it("enforces the handoff fields the matrix requires and the tier limits", async () => {
    const { id: security } = await (
      await t.createTicket(ticketBody({ subject: "Possible breach", description: "Our API keys were leaked." }))
    ).json();
    expect(await getTicket(security)).toMatchObject({ tier: 3, severity: "critical", assigneeId: ids.third });
    // Put it back in tier 1 to escalate it as a tier-1 agent would have.
    await database.db.update(tickets).set({ tier: 1, assigneeId: ids.first }).where(eq(tickets.id, security));
    const { replayMoments: _omit, ...withoutMoments } = handoff;
    const res = await send("POST", `/api/v1/tickets/${security}/escalations`, cookies.first!, withoutMoments);
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues).toEqual([
      { path: "replayMoments", message: expect.stringContaining("replay moment") },
    ]);
    const down = await send("POST", `/api/v1/tickets/${security}/escalations`, cookies.first!, {
      ...handoff,
      toTier: 1,
    });
    expect(down.status).toBe(422);
    expect((await down.json()).error.issues[0].path).toBe("toTier");
  });

  it("hides another workspace's tickets (404)", async () => {
    const id = await technicalTicket();
    await ensureDemoWorkspace(database.db, {
      siteKey: "pk_else",
      allowedOrigins: [],
      adminEmail: "else@example.com",
      adminPassword: "else password 123",
    });
    const other = await t.login({ email: "else@example.com", password: "else password 123" });
    expect((await send("POST", `/api/v1/tickets/${id}/escalations`, other, handoff)).status).toBe(404);
    expect((await send("GET", `/api/v1/tickets/${id}/escalations`, other)).status).toBe(404);
  });

  it("lets the receiving agent bounce a handoff back for missing information, once", async () => {
    const id = await technicalTicket();
    const escalation = await (await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, handoff)).json();
    const bouncePath = `/api/v1/tickets/${id}/escalations/${escalation.id}/bounce`;
    expect((await send("POST", bouncePath, cookies.second!, { reason: " " })).status).toBe(422);
    expect((await send("POST", bouncePath, cookies.first!, { reason: "I want it back" })).status).toBe(403);
    const res = await send("POST", bouncePath, cookies.second!, { reason: "Missing: which account and report id?" });
    expect(res.status).toBe(200);
    expect((await res.json()).bounce).toMatchObject({
      by: { id: ids.second },
      reason: "Missing: which account and report id?",
    });
    expect(await getTicket(id)).toMatchObject({ tier: 1, status: "open", assigneeId: ids.first, queue: "technical" });
    const bounced = (await events(id)).find((e) => e.type === "bounced")!;
    expect(bounced).toMatchObject({
      actorId: ids.second,
      details: { escalationId: escalation.id, toTier: 1, toAgentId: ids.first },
    });
    expect((await send("POST", bouncePath, cookies.second!, { reason: "again" })).status).toBe(409);
  });

  it("flags ping-pong when a ticket is escalated twice without resolution", async () => {
    const id = await technicalTicket();
    const first = await (await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, handoff)).json();
    await send("POST", `/api/v1/tickets/${id}/escalations/${first.id}/bounce`, cookies.second!, {
      reason: "Missing the account id",
    });
    expect((await getTicket(id)).flags.pingPong).toBe(false);
    expect((await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, handoff)).status).toBe(201);
    const ticket = await getTicket(id);
    expect(ticket.flags.pingPong).toBe(true);
    const flagged = (await events(id)).filter((e) => e.type === "ping_pong");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.details.reason).toMatch(/escalated 2 times without resolution/);
    const queue = await (await send("GET", "/api/v1/tickets?limit=200", cookies.first!)).json();
    expect(queue.tickets.find((x: { id: string }) => x.id === id).flags.pingPong).toBe(true);
  });

  it("flags ping-pong when three agents have touched the ticket", async () => {
    const id = await technicalTicket();
    await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.first!, handoff);
    expect((await getTicket(id)).flags.pingPong).toBe(false);
    const res = await send("POST", `/api/v1/tickets/${id}/escalations`, cookies.second!, {
      ...handoff,
      replayMoments: [],
    });
    expect(res.status).toBe(201);
    expect((await res.json()).toAgent).toMatchObject({ id: ids.third });
    const ticket = await getTicket(id);
    expect(ticket).toMatchObject({ tier: 3, flags: { pingPong: true } });
    const flagged = (await events(id)).find((e) => e.type === "ping_pong")!;
    expect(flagged.details.reason).toMatch(/3 agents have touched it/);
  });

  it("a lead handing a ticket to someone else once is not ping-pong: who assigns is not a hand it passed through", async () => {
    const id = await technicalTicket();
    const lead = await t.login();
    const res = await send("PATCH", `/api/v1/tickets/${id}`, lead, { assigneeId: ids.second });
    expect(res.status).toBe(200);
    expect(await getTicket(id)).toMatchObject({ assigneeId: ids.second, flags: { pingPong: false } });
    expect((await events(id)).filter((e) => e.type === "ping_pong")).toEqual([]);
    // The lead working on it (a note) does make them one of its hands: first, second and the lead.
    expect(
      (await send("POST", `/api/v1/tickets/${id}/messages`, lead, { body: "Taking a look", internal: true })).status,
    ).toBe(201);
    expect((await getTicket(id)).flags.pingPong).toBe(true);
  });
});
