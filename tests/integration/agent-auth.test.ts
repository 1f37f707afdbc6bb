import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ADMIN, createTestApp, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";

describe.each(DATABASE_KINDS)("agent login and ticket access on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(() => database?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    });

  it("logs in with an HttpOnly SameSite=Lax session cookie and logs out", async () => {
    const res = await post("/api/v1/auth/login", ADMIN);
    expect(res.status).toBe(200);
    expect((await res.json()).role).toBe("admin");
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0]!;
    expect((await t.request("/api/v1/auth/me", { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await post("/api/v1/auth/logout", {}, { Cookie: cookie })).status).toBe(204);
    expect((await t.request("/api/v1/auth/me", { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const wrong = await post("/api/v1/auth/login", { email: ADMIN.email, password: "nope" });
    const unknown = await post("/api/v1/auth/login", { email: "who@example.com", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it("throttles repeated failed logins with 429 and Retry-After", async () => {
    const throttled = await createTestApp(database);
    // Counters are shared by every process on the database (issue 11): guess from an address of its own.
    const attempt = () =>
      throttled.app.request(
        `${ORIGIN}/api/v1/auth/login`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: ORIGIN },
          body: JSON.stringify({ email: ADMIN.email, password: "guess" }),
        },
        { incoming: { socket: { remoteAddress: "198.51.100.7" } } },
      );
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("requires a session for every agent route", async () => {
    for (const path of ["/api/v1/tickets", "/api/v1/tickets/00000000-0000-4000-8000-000000000000", "/api/v1/auth/me"]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
  });

  it("refuses a cross-site state change even with a valid cookie", async () => {
    const cookie = await t.login();
    const res = await post("/api/v1/auth/logout", {}, { Cookie: cookie, Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await t.request("/api/v1/auth/me", { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it("shows an agent only their own workspace's tickets (404 for the others)", async () => {
    const mine = await (await t.createTicket(ticketBody({ subject: "Mine" }))).json();
    const other = await ensureDemoWorkspace(database.db, {
      siteKey: "pk_other",
      allowedOrigins: [],
      adminEmail: "other-admin@example.com",
      adminPassword: "another long password",
    });
    expect(other.adminCreated).toBe(true);
    const otherCookie = await t.login({ email: "other-admin@example.com", password: "another long password" });
    expect((await t.request(`/api/v1/tickets/${mine.id}`, { headers: { Cookie: otherCookie } })).status).toBe(404);
    expect((await t.request(`/api/v1/tickets/${mine.id}/recording`, { headers: { Cookie: otherCookie } })).status).toBe(
      404,
    );
    const list = await (await t.request("/api/v1/tickets", { headers: { Cookie: otherCookie } })).json();
    expect(list.tickets).toEqual([]);
  });

  it("lists tickets of equal priority longest waiting first, page by page, filtered by status", async () => {
    const cookie = await t.login();
    for (const subject of ["p1", "p2", "p3", "p4", "p5"]) await t.createTicket(ticketBody({ subject }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t.request(`/api/v1/tickets?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        headers: { Cookie: cookie },
      });
      const page = await res.json();
      seen.push(...page.tickets.map((x: { subject: string }) => x.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((s) => s.startsWith("p"))).toEqual(["p1", "p2", "p3", "p4", "p5"]);
    const resolved = await (await t.request("/api/v1/tickets?status=resolved", { headers: { Cookie: cookie } })).json();
    expect(resolved.tickets).toEqual([]);
    const bad = await t.request("/api/v1/tickets?status=nope&limit=9999", { headers: { Cookie: cookie } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "status"]);
  });

  it("answers health with the database kind and unknown routes with the error body", async () => {
    expect(await (await t.request("/healthz")).json()).toEqual({ ok: true, db: kind });
    const res = await t.request("/api/v1/nope");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "not_found", requestId: expect.any(String) });
  });
});
