import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ADMIN, createTestApp, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";

const PUBLIC = "https://support.example.com";

describe.each(DATABASE_KINDS)("the session cookie on %s", (kind) => {
  let database: Database;
  let http: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    http = await createTestApp(database);
    https = await createTestApp(database, { publicUrl: PUBLIC });
  });
  afterAll(() => database?.close());

  // Behind a TLS-terminating proxy: the request reaches the server as plain http, the public URL is https.
  const viaProxy = (path: string, init: RequestInit = {}) => https.app.request(`http://10.0.0.5:3000${path}`, init);
  const login = () =>
    viaProxy("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: PUBLIC },
      body: JSON.stringify(ADMIN),
    });

  it("is __Host- prefixed over https: Secure, Path=/, no Domain, HttpOnly", async () => {
    const res = await login();
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-handoff_session=[^;]+/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).not.toMatch(/Domain=/i);

    const pair = cookie.split(";")[0]!;
    expect((await viaProxy("/api/v1/auth/me", { headers: { Cookie: pair } })).status).toBe(200);
  });

  it("over https ignores a session under the bare name (a cookie a sibling subdomain could have planted)", async () => {
    const token = (await login()).headers.get("set-cookie")!.split(";")[0]!.split("=")[1]!;
    const res = await viaProxy("/api/v1/auth/me", { headers: { Cookie: `handoff_session=${token}` } });
    expect(res.status).toBe(401);
  });

  it("logging out over https clears the prefixed cookie and ends the session", async () => {
    const pair = (await login()).headers.get("set-cookie")!.split(";")[0]!;
    const out = await viaProxy("/api/v1/auth/logout", { method: "POST", headers: { Cookie: pair, Origin: PUBLIC } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-handoff_session=;.*Max-Age=0/i);
    expect((await viaProxy("/api/v1/auth/me", { headers: { Cookie: pair } })).status).toBe(401);
  });

  it("keeps the bare name, without Secure, for local development over http", async () => {
    const res = await http.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify(ADMIN),
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^handoff_session=/);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await http.request("/api/v1/auth/me", { headers: { Cookie: cookie.split(";")[0]! } })).status).toBe(200);
  });
});
