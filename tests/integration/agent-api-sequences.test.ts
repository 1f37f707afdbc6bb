import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { errorBodySchema } from "../../shared/errors.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, type TestApp } from "../helpers/test-app.js";

// What real agents do that a one-request fuzz does not: the same action twice (a double click, a retry), actions on a
// ticket that was resolved, deleted or erased meanwhile, escalating past the top tier, sending back a handoff already
// sent back, and an admin removing the last admin. Each is a 4xx with the error body (or an idempotent 2xx), never a
// 5xx, and the ticket stays readable.
const handoff = {
  summary: "Export fails on the reports page",
  attempted: [{ action: "Retried the export", result: "Same error" }],
  reason: "Needs the server logs",
  customerGoal: "Export the monthly report",
};

describe.each(DATABASE_KINDS)("agent sequences on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let cookie: string;
  const failures: string[] = [];

  /** The call's answer, with a failure noted for a 5xx or a 4xx without the error body. */
  async function call(method: "post" | "patch" | "put" | "delete" | "get", path: string, body?: unknown) {
    const res =
      method === "get" || method === "delete" ? await admin[method](path) : await admin[method](path, body ?? {});
    const where = `${method.toUpperCase()} ${path} ${JSON.stringify(body ?? null).slice(0, 200)}`;
    if (res.status >= 500) failures.push(`${res.status} ${where}: ${JSON.stringify(res.body).slice(0, 300)}`);
    else if (res.status >= 400 && !errorBodySchema.safeParse(res.body).success)
      failures.push(`${res.status} without the error body ${where}`);
    return res;
  }

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    admin = agentClient(t, cookie);
    for (const [email, tier] of [
      ["tier2@example.com", 2],
      ["tier3@example.com", 3],
    ] as const) {
      const res = await admin.post("/api/v1/agents", {
        email,
        name: email,
        password: "a long enough password",
        tier,
        skills: ["technical"],
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => database?.close());

  it("answers double submits and escalations past the top with a 4xx, never a 5xx", async () => {
    const { id } = await fileTicket(t);
    const escalations = `/api/v1/tickets/${id}/escalations`;
    const first = await call("post", escalations, { ...handoff, toTier: 3, toQueue: "technical" });
    expect(first.status).toBe(201);
    expect((await call("post", escalations, { ...handoff, toTier: 3, toQueue: "technical" })).status).toBe(422);
    expect((await call("post", escalations, handoff)).status).toBe(422); // one tier up from the top
    const bounce = `${escalations}/${first.body.id}/bounce`;
    expect((await call("post", bounce, { reason: "Missing the steps" })).status).toBe(200);
    const again = await call("post", bounce, { reason: "Missing the steps" });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await call("post", `/api/v1/tickets/${id}/de-escalations`, { reason: "Fixed" })).status).toBeLessThan(500);
    for (let i = 0; i < 2; i++) {
      await call("patch", `/api/v1/tickets/${id}`, { status: "resolved" });
      await call("post", `/api/v1/tickets/${id}/feedback`, { handoffHadWhatWasNeeded: true });
    }
    const messages = `/api/v1/tickets/${id}/messages`;
    // The same message sent twice at once (a double click with one Idempotency-Key): one message, no 5xx.
    const sendTwice = await Promise.all(
      [1, 2].map(() =>
        t.request(messages, {
          method: "POST",
          headers: { Cookie: cookie, Origin: ORIGIN, "Idempotency-Key": "k-1", "Content-Type": "application/json" },
          body: JSON.stringify({ body: "We are on it" }),
        }),
      ),
    );
    expect(sendTwice.map((r) => r.status).sort()).not.toContain(500);
    const stored = (await call("get", messages)).body.messages.filter(
      (m: { body: string }) => m.body === "We are on it",
    );
    expect(stored).toHaveLength(1);
    expect((await call("get", `/api/v1/tickets/${id}`)).status).toBe(200);
    expect(failures).toEqual([]);
  });

  it("refuses every action on a resolved, deleted or erased ticket with a 4xx and keeps the others readable", async () => {
    const resolved = await fileTicket(t);
    expect((await call("patch", `/api/v1/tickets/${resolved.id}`, { status: "resolved" })).status).toBe(200);
    const deleted = await fileTicket(t);
    const erased = await fileTicket(t, { email: "erase-me@example.com" });
    const escalation = await call("post", `/api/v1/tickets/${deleted.id}/escalations`, handoff);
    expect(escalation.status).toBe(201);
    expect((await call("delete", `/api/v1/tickets/${deleted.id}`)).status).toBe(204);
    expect((await call("post", "/api/v1/privacy/erase", { email: "erase-me@example.com" })).status).toBe(200);
    for (const id of [resolved.id, deleted.id, erased.id]) {
      await call("post", `/api/v1/tickets/${id}/escalations`, handoff);
      await call("post", `/api/v1/tickets/${id}/escalations/${escalation.body.id}/bounce`, { reason: "Again" });
      await call("post", `/api/v1/tickets/${id}/de-escalations`, { reason: "Fixed" });
      await call("post", `/api/v1/tickets/${id}/messages`, { body: "Hello again" });
      await call("post", `/api/v1/tickets/${id}/feedback`, { handoffHadWhatWasNeeded: true });
      await call("patch", `/api/v1/tickets/${id}`, { status: "open", severity: "low" });
      await call("post", `/api/v1/tickets/${id}/security-false-alarm`);
      for (const read of ["", "/messages", "/events", "/escalations", "/similar", "/feedback", "/attachments"])
        await call("get", `/api/v1/tickets/${id}${read}`);
    }
    expect((await call("delete", `/api/v1/tickets/${deleted.id}`)).status).toBe(404);
    expect((await call("get", `/api/v1/tickets/${resolved.id}`)).status).toBe(200);
    expect(failures).toEqual([]);
  });

  it("keeps the last admin: demoting or deactivating oneself is a 4xx and nothing changes", async () => {
    const me = (await call("get", "/api/v1/auth/me")).body;
    expect((await call("patch", `/api/v1/agents/${me.id}`, { role: "agent" })).status).toBeGreaterThanOrEqual(400);
    expect((await call("patch", `/api/v1/agents/${me.id}`, { active: false })).status).toBeGreaterThanOrEqual(400);
    expect((await call("get", "/api/v1/auth/me")).body.role).toBe("admin");
    const token = await call("post", "/api/v1/tokens", { name: "CI", scopes: ["admin"] });
    const webhook = await call("post", "/api/v1/webhooks", {
      url: "https://hooks.example.com/x",
      events: ["ticket.created"],
    });
    const key = await call("post", "/api/v1/workspace/site-keys", { label: "Staging" });
    for (let i = 0; i < 2; i++) {
      await call("delete", `/api/v1/tokens/${token.body.id}`);
      await call("delete", `/api/v1/webhooks/${webhook.body.id}`);
      await call("delete", `/api/v1/workspace/site-keys/${key.body.key}`);
      await call("post", `/api/v1/webhooks/${webhook.body.id}/test`);
      await call("patch", `/api/v1/webhooks/${webhook.body.id}`, { enabled: true });
    }
    expect(failures).toEqual([]);
  });
});
