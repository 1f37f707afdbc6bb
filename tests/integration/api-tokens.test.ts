import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { apiTokens } from "../../server/db/schema-tokens.js";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { TOKEN_PATHS } from "../../shared/tokens-api.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { readSse } from "../helpers/sse.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

describe.each(DATABASE_KINDS)("API tokens on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ database, t, admin } = app));

  /** A script's call: Bearer token, no cookie, no Origin. */
  async function script(token: string, method: string, path: string, body?: unknown) {
    const res = await t.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  async function createToken(name: string, scopes: string[]) {
    const res = await admin.post(TOKEN_PATHS.tokens, { name, scopes });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string; prefix: string };
  }

  it("shows a token once, lists it without the secret, and stores only its hash", async () => {
    const created = await createToken("Nightly report", ["metrics:read"]);
    expect(created.token).toMatch(/^hot_/);
    const list = await admin.get(TOKEN_PATHS.tokens);
    expect(list.status).toBe(200);
    const listed = list.body.tokens.find((x: { id: string }) => x.id === created.id);
    expect(listed).toMatchObject({ name: "Nightly report", scopes: ["metrics:read"], revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    const rows = await database.db.select().from(apiTokens);
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it("refuses a token without a name or scopes, and token management to agents", async () => {
    expect((await admin.post(TOKEN_PATHS.tokens, { name: "", scopes: [] })).status).toBe(422);
    const password = "a long agent password";
    await admin.post("/api/v1/agents", { email: "kim@example.com", name: "Kim", password });
    const kim = agentClient(t, await t.login({ email: "kim@example.com", password }));
    expect((await kim.post(TOKEN_PATHS.tokens, { name: "mine", scopes: ["admin"] })).status).toBe(403);
  });

  it("lets a script read with tickets:read but not write (403), and write with tickets:write, named on the timeline", async () => {
    const ticket = await fileTicket(t, { subject: "Scripted" });
    const reader = await createToken("Reader", ["tickets:read"]);
    expect((await script(reader.token, "GET", "/api/v1/tickets")).status).toBe(200);
    expect((await script(reader.token, "GET", `/api/v1/tickets/${ticket.id}`)).body.subject).toBe("Scripted");
    const refused = await script(reader.token, "POST", `/api/v1/tickets/${ticket.id}/messages`, { body: "hi" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await script(reader.token, "GET", "/api/v1/metrics/escalations")).status).toBe(403);
    expect((await script(reader.token, "GET", TOKEN_PATHS.tokens)).status).toBe(403);

    const writer = await createToken("Triage bot", ["tickets:write"]);
    const reply = await script(writer.token, "POST", `/api/v1/tickets/${ticket.id}/messages`, {
      body: "We are on it",
      internal: false,
    });
    expect(reply.status).toBe(201);
    const events = await admin.get(`/api/v1/tickets/${ticket.id}/events`);
    const replied = events.body.events.find((e: { type: string }) => e.type === "replied");
    expect(replied.actorName).toBe("Triage bot");
    const listed = (await admin.get(TOKEN_PATHS.tokens)).body.tokens.find((x: { id: string }) => x.id === writer.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it("follows the live stream with a token", async () => {
    const reader = await createToken("Stream reader", ["tickets:read"]);
    const res = await t.request(EVENTS_PATHS.agent, { headers: { Authorization: `Bearer ${reader.token}` } });
    expect(res.status).toBe(200);
    const stream = readSse(res);
    const ticket = await fileTicket(t, { subject: "Seen by a script" });
    await stream.next((e) => e.event === "ticket.created" && e.data.ticketId === ticket.id);
    await stream.close();
  });

  it("refuses a revoked token (401) and an unknown one (401)", async () => {
    const token = await createToken("Short lived", ["tickets:read"]);
    expect((await script(token.token, "GET", "/api/v1/tickets")).status).toBe(200);
    expect((await admin.delete(TOKEN_PATHS.token(token.id))).status).toBe(204);
    expect((await script(token.token, "GET", "/api/v1/tickets")).status).toBe(401);
    expect((await script("hot_not-a-real-token", "GET", "/api/v1/tickets")).status).toBe(401);
    // Something that is not one of our tokens (a pasted upload token, another service's key) says what is expected.
    const foreign = await script("sk_live_123", "GET", "/api/v1/tickets");
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.message).toContain('"Authorization: Bearer hot_…"');
  });
});

describe.each(DATABASE_KINDS)("a script's mistakes on %s are named", (kind) => {
  let database: Database;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    const admin = agentClient(t, await t.login());
    token = (await admin.post(TOKEN_PATHS.tokens, { name: "Bot", scopes: ["tickets:read", "tickets:write"] })).body
      .token;
  });
  afterAll(() => database?.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it("a ticket's reference (HO-1, as webhooks and emails show it) in an id's place says the route takes the id", async () => {
    const ticket = await fileTicket(t, { subject: "Export fails" });
    const res = await call("GET", `/api/v1/tickets/${ticket.reference}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(`${ticket.reference} is a reference`);
    expect(res.body.error.message).toContain(`?q=${ticket.reference}`);
    expect((await call("GET", "/api/v1/tickets/nope")).body.error.message).toBe("Ticket not found");
  });

  it("an unknown field (a typo) is named at its own path", async () => {
    const ticket = await fileTicket(t, { subject: "Typo" });
    const res = await call("PATCH", `/api/v1/tickets/${ticket.id}`, { status: "pending", priorty: 1, prio: 2 });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      { path: "priorty", message: "not a field of this request" },
      { path: "prio", message: "not a field of this request" },
    ]);
  });

  it("a reply sent with a token is listed under the token's name, as POST answered it", async () => {
    const ticket = await fileTicket(t, { subject: "Bot reply" });
    const sent = await call("POST", `/api/v1/tickets/${ticket.id}/messages`, {
      body: "Fixed in 2.4.1",
      internal: false,
    });
    expect(sent.body.authorName).toBe("Bot");
    const listed = await call("GET", `/api/v1/tickets/${ticket.id}/messages`);
    const reply = listed.body.messages.find((m: { id: string }) => m.id === sent.body.id);
    expect(reply.authorName).toBe("Bot");
  });

  it('a field left out is "required", not zod\'s "expected string, received undefined"', async () => {
    const ticket = await fileTicket(t, { subject: "Left out" });
    const res = await call("POST", `/api/v1/tickets/${ticket.id}/messages`, { internal: true });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([{ path: "body", message: "required" }]);
  });
});
