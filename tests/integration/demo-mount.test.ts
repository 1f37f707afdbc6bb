import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { loadConfig } from "../../server/config.js";

describe("when the demo is served", () => {
  it("is on for the embedded quick start and off with DATABASE_URL unless HANDOFF_DEMO asks for it", () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: "postgres://db/handoff" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/handoff", HANDOFF_DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ HANDOFF_DEMO: "false" }).demo).toBe(false);
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
});
