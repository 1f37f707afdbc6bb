import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, type AgentClient } from "../helpers/agent-client.js";
import { ADMIN, createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";

describe.each(DATABASE_KINDS)("a temporary password must be replaced before anything else, on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let generated: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    // First start without HANDOFF_ADMIN_PASSWORD: the admin's password is generated and printed.
    const first = await ensureDemoWorkspace(database.db, {
      siteKey: "pk_demo",
      allowedOrigins: [CUSTOMER_ORIGIN],
      adminEmail: ADMIN.email,
    });
    generated = first.generatedPassword!;
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  const refused = (res: { status: number; body: { error?: { code: string } } }) => {
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe("password_change_required");
  };

  it("the generated first admin password logs in, but opens nothing until the admin has chosen their own", async () => {
    const login = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify({ email: ADMIN.email, password: generated }),
    });
    expect(login.status).toBe(200);
    const me = (await login.json()) as { id: string; mustChangePassword: boolean };
    expect(me.mustChangePassword).toBe(true);
    const admin = agentClient(t, login.headers.get("set-cookie")!.split(";")[0]!);

    for (const path of ["/api/v1/tickets", "/api/v1/agents", "/api/v1/workspace", "/api/v1/metrics/escalations"]) {
      refused(await admin.get(path));
    }
    refused(await admin.post("/api/v1/agents", { email: "x@example.com", name: "X", password: "long enough 1" }));
    // Who am I still answers (the console needs it to show the change-password screen).
    expect((await admin.get("/api/v1/auth/me")).body.mustChangePassword).toBe(true);
    // Its own record: only a new password, and not the temporary one again.
    refused(await admin.patch(`/api/v1/agents/${me.id}`, { name: "Boss" }));
    const same = await admin.patch(`/api/v1/agents/${me.id}`, { password: generated, currentPassword: generated });
    expect(same.status).toBe(422);
    expect(same.body.error.issues[0].path).toBe("password");

    const changed = await admin.patch(`/api/v1/agents/${me.id}`, {
      password: "my own long password",
      currentPassword: generated,
    });
    expect(changed.status).toBe(200);
    expect((await admin.get("/api/v1/tickets")).status).toBe(200);
    expect((await admin.get("/api/v1/auth/me")).body.mustChangePassword).toBe(false);
    // The printed password is dead.
    const old = await t.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify({ email: ADMIN.email, password: generated }),
    });
    expect(old.status).toBe(401);
  });

  describe("agents an admin adds or resets", () => {
    let admin: AgentClient;
    beforeAll(async () => {
      admin = agentClient(t, await t.login({ email: ADMIN.email, password: "my own long password" }));
    });

    it("with a temporary password must choose their own; with their final one they start working", async () => {
      const temp = await admin.post("/api/v1/agents", {
        email: "robin@example.com",
        name: "Robin",
        password: "robins temp password",
        temporaryPassword: true,
      });
      expect(temp.status).toBe(201);
      expect(temp.body.mustChangePassword).toBe(true);
      const robin = agentClient(t, await t.login({ email: "robin@example.com", password: "robins temp password" }));
      refused(await robin.get("/api/v1/tickets"));
      expect(
        (
          await robin.patch(`/api/v1/agents/${temp.body.id}`, {
            password: "robins own pw 1",
            currentPassword: "robins temp password",
          })
        ).status,
      ).toBe(200);
      expect((await robin.get("/api/v1/tickets")).status).toBe(200);

      const final = await admin.post("/api/v1/agents", {
        email: "kim@example.com",
        name: "Kim",
        password: "kims password 1",
      });
      expect(final.body.mustChangePassword).toBe(false);
      const kim = agentClient(t, await t.login({ email: "kim@example.com", password: "kims password 1" }));
      expect((await kim.get("/api/v1/tickets")).status).toBe(200);

      // An admin's reset to a temporary password: Kim's sessions end, and the next login must change it.
      const reset = await admin.patch(`/api/v1/agents/${final.body.id}`, {
        password: "reset by admin 1",
        temporaryPassword: true,
      });
      expect(reset.status).toBe(200);
      expect((await kim.get("/api/v1/tickets")).status).toBe(401);
      const kimAgain = agentClient(t, await t.login({ email: "kim@example.com", password: "reset by admin 1" }));
      refused(await kimAgain.get("/api/v1/tickets"));
    });

    it("an agent cannot mark their own password temporary", async () => {
      const list = (await admin.get("/api/v1/agents")).body.agents as { id: string; email: string }[];
      const robinId = list.find((a) => a.email === "robin@example.com")!.id;
      const robin = agentClient(t, await t.login({ email: "robin@example.com", password: "robins own pw 1" }));
      const res = await robin.patch(`/api/v1/agents/${robinId}`, { temporaryPassword: true });
      expect(res.status).toBe(403);
    });
  });
});
