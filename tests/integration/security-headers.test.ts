import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ADMIN, createTestApp, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";

describe.each(DATABASE_KINDS)("security headers on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  it("serves the console under a strict Content-Security-Policy, never framed", async () => {
    const res = await t.request("/console/");
    const csp = res.headers.get("content-security-policy") ?? "";
    for (const directive of [
      "script-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends nosniff and a Referrer-Policy on every answer, errors included, and no HSTS over http", async () => {
    for (const path of ["/healthz", "/api/v1/tickets", "/no-such-page"]) {
      const res = await t.request(path);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("marks the session cookie Secure and sends HSTS when the public URL is https, even behind a plain-http proxy", async () => {
    const https = await createTestApp(database, { publicUrl: "https://support.example.com" });
    const res = await https.app.request("http://10.0.0.5:3000/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://support.example.com" },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
