import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { TOKEN_PATHS } from "../../shared/tokens-api.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { readSse } from "../helpers/sse.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

/** A SaaS developer's script against the REST API (twelfth QA round): what it sent is what happened. */
describe.each(DATABASE_KINDS)("the API as a script meets it on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let token: string;
  let cookie: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    admin = agentClient(t, cookie);
    const created = await admin.post(TOKEN_PATHS.tokens, { name: "Script", scopes: ["admin"] });
    token = created.body.token;
  });
  afterAll(() => database?.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };

  it("a note with a misspelt internal flag is refused, not sent to the customer as a public reply", async () => {
    const ticket = await fileTicket(t, { subject: "Private note" });
    const res = await call("POST", `/api/v1/tickets/${ticket.id}/messages`, { body: "VIP, refund", is_internal: true });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([{ path: "is_internal", message: "not a field of this request" }]);
    const listed = await call("GET", `/api/v1/tickets/${ticket.id}/messages`);
    expect(listed.body.messages).toEqual([]);
  });

  it("a list parameter the API does not have (offset, a typo) is a 422 naming it, not the first page again", async () => {
    const ticket = await fileTicket(t, { subject: "Paged" });
    const offset = await call("GET", "/api/v1/tickets?offset=50&limit=1");
    expect(offset.status).toBe(422);
    expect(offset.body.error.issues).toEqual([{ path: "offset", message: "not a field of this request" }]);
    const typo = await call("GET", "/api/v1/tickets?stauts=closed");
    expect(typo.body.error.issues).toEqual([{ path: "stauts", message: "not a field of this request" }]);
    const after = await call("GET", `/api/v1/tickets/${ticket.id}/messages?after=x`);
    expect(after.status).toBe(422);
    expect(after.body.error.issues).toEqual([{ path: "after", message: "not a field of this request" }]);
    const nan = await call("GET", "/api/v1/tickets?limit=ten");
    expect(nan.body.error.issues).toEqual([{ path: "limit", message: "a number" }]);
    expect((await call("GET", "/api/v1/tickets?status=open&limit=1")).status).toBe(200);
  });

  it("a webhook, token or de-escalation field the API does not have is refused, not dropped without effect", async () => {
    const hook = await call("POST", "/api/v1/webhooks", {
      url: "https://hooks.example.com/h",
      events: ["ticket.created"],
    });
    expect(hook.status).toBe(201);
    const paused = await call("PATCH", `/api/v1/webhooks/${hook.body.id}`, { active: false });
    expect(paused.status).toBe(422);
    expect(paused.body.error.issues).toEqual([{ path: "active", message: "not a field of this request" }]);
    const listed = await call("GET", "/api/v1/webhooks");
    expect(listed.body.find((e: { id: string }) => e.id === hook.body.id).enabled).toBe(true);

    const expiring = await call("POST", "/api/v1/tokens", {
      name: "CI",
      scopes: ["tickets:read"],
      expiresAt: "2027-01-01",
    });
    expect(expiring.status).toBe(422);
    expect(expiring.body.error.issues).toEqual([{ path: "expiresAt", message: "not a field of this request" }]);

    const ticket = await fileTicket(t, { subject: "Down a tier" });
    const down = await call("POST", `/api/v1/tickets/${ticket.id}/de-escalations`, { to_tier: 1, reason: "Fixed" });
    expect(down.status).toBe(422);
    expect(down.body.error.issues).toEqual([{ path: "to_tier", message: "not a field of this request" }]);
  });

  it("a method the route does not take is a 405 naming the ones it does, not a 'No route' 404", async () => {
    const ticket = await fileTicket(t, { subject: "Wrong verb" });
    const put = await call("PUT", `/api/v1/tickets/${ticket.id}`, { status: "pending" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")?.split(", ").sort()).toEqual(["DELETE", "GET", "HEAD", "PATCH"]);
    expect(put.body.error).toMatchObject({ code: "method_not_allowed" });
    expect(put.body.error.message).toContain("PATCH");
    expect((await call("DELETE", `/api/v1/tickets/${ticket.id}/messages`)).headers.get("allow")).toBe(
      "GET, POST, HEAD",
    );
    const unknown = await call("GET", "/api/v1/tikets");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
  });

  it("a token's event streams count on their own: ten of them leave the admin who made it a live console", async () => {
    const streams = [];
    for (let i = 0; i < 10; i++) {
      const res = await t.request(EVENTS_PATHS.agent, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      streams.push(readSse(res));
    }
    const eleventh = await t.request(EVENTS_PATHS.agent, { headers: { Authorization: `Bearer ${token}` } });
    expect(eleventh.status).toBe(429);
    await eleventh.body?.cancel();
    const console = await t.request(EVENTS_PATHS.agent, { headers: { Cookie: cookie } });
    expect(console.status).toBe(200);
    await readSse(console).close();
    for (const s of streams) await s.close();
  });

  it("an Idempotency-Key over 200 characters is refused, not cut so that two keys become one", async () => {
    const ticket = await fileTicket(t, { subject: "Long keys" });
    const prefix = "order-sync:".padEnd(200, "x");
    const path = `/api/v1/tickets/${ticket.id}/messages`;
    const first = await call("POST", path, { body: "Shipped", internal: true }, { "Idempotency-Key": `${prefix}-1` });
    expect(first.status).toBe(422);
    expect(first.body.error.issues).toEqual([{ path: "Idempotency-Key", message: "at most 200 characters" }]);
    expect((await call("POST", path, { body: "Shipped" }, { "Idempotency-Key": "order-sync:1" })).status).toBe(201);
  });

  it("a browser page on another origin asking to call the agent API is told it is for servers, not 'Log in first'", async () => {
    const res = await t.request("/api/v1/tickets", {
      method: "OPTIONS",
      headers: {
        Origin: "https://dashboard.acme.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect((await res.json()).error.message).toContain("call it from your server with an API token");
  });

  it("a list filter given twice (status=open&status=closed) is a 422, not the first one alone", async () => {
    const res = await call("GET", "/api/v1/tickets?status=open&status=closed");
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      { path: "status", message: "given more than once; this API takes one value" },
    ]);
  });
});
