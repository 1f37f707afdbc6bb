import { describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { agentClient, otherWorkspace, type AgentClient } from "../helpers/agent-client.js";
import { CUSTOMER_ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

describe.each(DATABASE_KINDS)("agents and workspace administration on %s", (kind) => {
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ t, admin } = app));

  async function newAgent(email: string, extra: Record<string, unknown> = {}) {
    const res = await admin.post("/api/v1/agents", { email, name: "Sam Agent", password: "sams password 1", ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cookie = await t.login({ email, password: "sams password 1" });
    return { id: res.body.id as string, client: agentClient(t, cookie), cookie };
  }

  it("an admin creates agents with role, tier and skills, who can then log in", async () => {
    const res = await admin.post("/api/v1/agents", {
      email: "Lee@Example.com",
      name: "Lee",
      password: "lees password 1",
      role: "agent",
      tier: 2,
      skills: ["Billing", "technical"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: "lee@example.com",
      role: "agent",
      tier: 2,
      skills: ["billing", "technical"],
      active: true,
    });
    await t.login({ email: "lee@example.com", password: "lees password 1" });
    const list = await admin.get("/api/v1/agents");
    expect(list.body.agents.map((a: { email: string }) => a.email)).toContain("lee@example.com");
    expect(JSON.stringify(list.body)).not.toContain("password");
  });

  it("refuses invalid agents with one issue per field and a duplicate email with 409", async () => {
    const bad = await admin.post("/api/v1/agents", {
      email: "nope",
      name: "",
      password: "short",
      role: "boss",
      tier: 4,
      skills: ["a b"],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
      "skills.0",
      "tier",
    ]);
    // Limits are said in words, not in zod's own terms ("Too big: expected string to have <=200 characters").
    const long = await admin.post("/api/v1/agents", {
      email: "long@example.com",
      name: "N".repeat(300),
      password: "long enough pw",
      skills: Array.from({ length: 60 }, (_, i) => `skill${i}`),
    });
    expect(long.status).toBe(422);
    expect(long.body.error.issues).toEqual(
      expect.arrayContaining([{ path: "name", message: "at most 200 characters" }]),
    );
    expect(JSON.stringify(long.body.error.issues)).not.toMatch(/Too big|expected/);
    const dup = await admin.post("/api/v1/agents", {
      email: "admin@example.com",
      name: "Again",
      password: "long enough pw",
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.issues[0].path).toBe("email");
  });

  it("agents get 403 for admin actions in their own workspace, but may list agents and edit themselves", async () => {
    const sam = await newAgent("sam@example.com");
    expect(
      (await sam.client.post("/api/v1/agents", { email: "x@example.com", name: "X", password: "long enough pw" }))
        .status,
    ).toBe(403);
    expect((await sam.client.get("/api/v1/workspace")).status).toBe(403);
    expect((await sam.client.patch("/api/v1/workspace", { allowedOrigins: ["https://evil.example"] })).status).toBe(
      403,
    );
    expect((await sam.client.post("/api/v1/workspace/site-keys", { label: "x" })).status).toBe(403);
    expect((await sam.client.post("/api/v1/workspace/identity-secret/rotate", {})).status).toBe(403);
    expect((await sam.client.patch(`/api/v1/agents/${sam.id}`, { role: "admin" })).status).toBe(403);
    const adminId = (await admin.get("/api/v1/auth/me")).body.id;
    expect((await sam.client.patch(`/api/v1/agents/${adminId}`, { name: "Pwned" })).status).toBe(403);
    expect((await sam.client.get("/api/v1/agents")).status).toBe(200);
    const renamed = await sam.client.patch(`/api/v1/agents/${sam.id}`, { name: "Sam Smith", available: false });
    expect(renamed.body).toMatchObject({ name: "Sam Smith", available: false, role: "agent" });
  });

  it("a password change needs the current password and ends the agent's other sessions", async () => {
    const ana = await newAgent("ana@example.com");
    const laptop = agentClient(t, await t.login({ email: "ana@example.com", password: "sams password 1" }));
    const wrong = await ana.client.patch(`/api/v1/agents/${ana.id}`, {
      password: "a brand new password",
      currentPassword: "nope",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues[0].path).toBe("currentPassword");
    const ok = await ana.client.patch(`/api/v1/agents/${ana.id}`, {
      password: "a brand new password",
      currentPassword: "sams password 1",
    });
    expect(ok.status).toBe(200);
    expect((await ana.client.get("/api/v1/auth/me")).status).toBe(200); // the session that changed it stays
    expect((await laptop.get("/api/v1/auth/me")).status).toBe(401);
    await t.login({ email: "ana@example.com", password: "a brand new password" });
  });

  it("an admin resetting a password or deactivating an agent ends all their sessions", async () => {
    const bo = await newAgent("bo@example.com");
    await admin.patch(`/api/v1/agents/${bo.id}`, { password: "reset by the admin" });
    expect((await bo.client.get("/api/v1/auth/me")).status).toBe(401);
    const again = agentClient(t, await t.login({ email: "bo@example.com", password: "reset by the admin" }));
    expect(
      (await admin.patch(`/api/v1/agents/${bo.id}`, { active: false, tier: 3, skills: ["account"] })).body,
    ).toMatchObject({ active: false, tier: 3, skills: ["account"] });
    expect((await again.get("/api/v1/auth/me")).status).toBe(401);
    const relogin = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify({ email: "bo@example.com", password: "reset by the admin" }),
    });
    expect(relogin.status).toBe(401);
  });

  it("the only admin cannot demote or deactivate themself", async () => {
    const adminId = (await admin.get("/api/v1/auth/me")).body.id;
    expect((await admin.patch(`/api/v1/agents/${adminId}`, { role: "agent" })).status).toBe(409);
    expect((await admin.patch(`/api/v1/agents/${adminId}`, { active: false })).status).toBe(409);
  });

  it("manages allowed origins, site keys and the identity secret, with effect on the widget", async () => {
    const settings = await admin.get("/api/v1/workspace");
    expect(settings.body.allowedOrigins).toEqual([CUSTOMER_ORIGIN]);
    expect(settings.body.identitySecret).toBe(t.workspace.identitySecret);
    const bad = await admin.patch("/api/v1/workspace", {
      allowedOrigins: ["https://ok.example", "not a url", "https://x.example/path"],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "allowedOrigins.1",
      "allowedOrigins.2",
    ]);

    const created = await admin.post("/api/v1/workspace/site-keys", { label: "Staging" });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    const file = (siteKey: string, origin: string) =>
      t.request("/api/v1/widget/tickets", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin, "X-Handoff-Key": siteKey },
        body: JSON.stringify(ticketBody({ recording: { included: false } })),
      });
    expect((await file(key, "https://staging.customer.example")).status).toBe(403);
    await admin.patch("/api/v1/workspace", { allowedOrigins: [CUSTOMER_ORIGIN, "https://staging.customer.example/"] });
    expect((await file(key, "https://staging.customer.example")).status).toBe(201);
    expect((await admin.delete(`/api/v1/workspace/site-keys/${key}`)).status).toBe(204);
    expect((await file(key, "https://staging.customer.example")).status).toBe(401);
    expect((await admin.delete(`/api/v1/workspace/site-keys/${t.workspace.siteKey}`)).status).toBe(409);

    const rotated = await admin.post("/api/v1/workspace/identity-secret/rotate", {});
    expect(rotated.body.identitySecret).not.toBe(t.workspace.identitySecret);
    expect((await admin.get("/api/v1/workspace")).body.identitySecret).toBe(rotated.body.identitySecret);
  });

  it("another workspace's agents and site keys are 404, and never listed", async () => {
    const other = await otherWorkspace(t);
    const mine = (await admin.get("/api/v1/agents")).body.agents[0].id;
    expect((await other.client.patch(`/api/v1/agents/${mine}`, { name: "x" })).status).toBe(404);
    const key = (await admin.post("/api/v1/workspace/site-keys", { label: "Mine" })).body.key;
    expect((await other.client.delete(`/api/v1/workspace/site-keys/${key}`)).status).toBe(404);
    const listed = (await other.client.get("/api/v1/agents")).body.agents.map((a: { email: string }) => a.email);
    expect(listed).toEqual(["other-admin@example.com"]);
  });
});
