import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { loadConfig } from "../../server/config.js";
import { siteKeys } from "../../server/db/schema.js";
import { bootstrapInstall } from "../../server/services/workspace/bootstrap-install.js";

describe("when the demo is served", () => {
  it("is on for the embedded quick start and off with DATABASE_URL unless HANDOFF_DEMO asks for it", () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: "postgres://db/handoff" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/handoff", HANDOFF_DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ HANDOFF_DEMO: "false" }).demo).toBe(false);
  });

  it("refuses the demo's key as the workspace's own key", () => {
    expect(() => loadConfig({ HANDOFF_SITE_KEY: "pk_demo" })).toThrow(/must differ/);
    expect(loadConfig({ HANDOFF_SITE_KEY: "pk_acme_prod" }).siteKey).toBe("pk_acme_prod");
  });

  it("refuses a first admin password shorter than the console's minimum", () => {
    expect(() => loadConfig({ HANDOFF_ADMIN_PASSWORD: "short" })).toThrow(/at least 10/);
  });
});

describe.each(DATABASE_KINDS)("the demo's routes on %s", (kind) => {
  let database: Database;
  let off: TestApp;
  let on: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    on = await createTestApp(database, { demo: true });
    off = await createTestApp(database, { demo: false });
  });
  afterAll(() => database?.close());

  it("signs a demo user only while the demo is enabled", async () => {
    expect((await on.request("/demo/api/me")).status).toBe(200);
    for (const path of ["/demo/api/me", "/demo/", "/demo/index.html"]) {
      expect((await off.request(path)).status, path).toBe(404);
    }
    expect((await off.request("/")).headers.get("location")).toBe("/console/");
  });

  it("gives the demo a key of its own: the script tag for real apps never carries it", () => {
    expect(on.workspace.siteKey).toMatch(/^pk_/);
    expect(on.workspace.siteKey).not.toBe("pk_demo");
  });

  it("signs a user whom only the demo's key verifies, never the workspace's own key", async () => {
    const identity = await (await on.request("/demo/api/me")).json();
    expect(identity.jwt).toBeTruthy();
    const cookie = await on.login();
    const file = async (siteKey: string) => {
      const res = await on.createTicket(ticketBody({ identity }), { "X-Handoff-Key": siteKey });
      expect(res.status).toBe(201);
      const { id } = await res.json();
      return (await (await on.request(`/api/v1/tickets/${id}`, { headers: { Cookie: cookie } })).json()).customer;
    };
    expect(await file("pk_demo")).toMatchObject({ id: "usr_demo_42", verified: true });
    // The same signature on the key a real app uses: nothing it claims is trusted.
    const elsewhere = await file(on.workspace.siteKey);
    expect(elsewhere.verified).toBe(false);
    expect(elsewhere.verifiedFields ?? []).toEqual([]);
  });

  it("makes one workspace when processes start together on a fresh database", async () => {
    const fresh = await freshDatabase(kind);
    try {
      const start = () =>
        bootstrapInstall(fresh.db, {
          demoSiteKey: "pk_demo",
          allowedOrigins: [],
          adminEmail: "first@example.com",
          adminPassword: "a long enough password",
        });
      const results = await Promise.all([start(), start(), start()]);
      expect(new Set(results.map((r) => r.workspace.id)).size).toBe(1);
      expect(results.filter((r) => r.adminCreated)).toHaveLength(1);
      const keys = await fresh.db.select().from(siteKeys);
      expect(keys.map((k) => [k.key, k.workspaceId])).toEqual([["pk_demo", results[0]!.workspace.id]]);
    } finally {
      await fresh.close();
    }
  });
});
