import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ADMIN, createTestApp, CUSTOMER_ORIGIN, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { parseTrustProxy } from "../../server/access/client-address.js";

/** A request as the Node adapter hands it over: from a socket address, through app.request. */
const from = (t: TestApp, address: string, path: string, init: RequestInit) =>
  t.app.request(`${ORIGIN}${path}`, init, { incoming: { socket: { remoteAddress: address } } });

const login = (t: TestApp, address: string, email = ADMIN.email, headers: Record<string, string> = {}) =>
  from(t, address, "/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN, ...headers },
    body: JSON.stringify({ email, password: "wrong guess" }),
  });

const fileTicket = (t: TestApp, address: string, customerToken: string) =>
  from(t, address, "/api/v1/widget/tickets", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: CUSTOMER_ORIGIN,
      "X-Handoff-Key": t.workspace.siteKey,
      "X-Handoff-Customer": customerToken,
    },
    body: JSON.stringify(ticketBody({ recording: { included: false } })),
  });

// Every wrong guess costs a full scrypt hash (also for unknown accounts): at OWASP's cost (HANDOFF_TEST_SCRYPT_N=131072)
// a score of them in a row takes well over the default 30 s on a loaded 2-core machine.
const GUESSES_TIMEOUT_MS = 120_000;

describe.each(DATABASE_KINDS)("rate limits on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    proxied = await createTestApp(database, { trustProxy: parseTrustProxy("1") });
  });
  afterAll(() => database?.close());

  it("gives a parallel burst of password guesses no extra tries", { timeout: GUESSES_TIMEOUT_MS }, async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(t, "203.0.113.1", "burst@example.com")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  });

  it("limits guesses per account across addresses, and shares counters between server processes", {
    timeout: GUESSES_TIMEOUT_MS,
  }, async () => {
    // Two apps on one database stand for two processes behind a load balancer.
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await login(i % 2 ? t : proxied, `203.0.113.${100 + i}`, "victim@example.com")).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("ignores X-Forwarded-For unless HANDOFF_TRUST_PROXY says a proxy sets it", {
    timeout: GUESSES_TIMEOUT_MS,
  }, async () => {
    const spoofed = [];
    for (let i = 0; i < 11; i++) {
      spoofed.push(
        (await login(t, "203.0.113.50", `s${i}@example.com`, { "X-Forwarded-For": `198.51.100.${i}` })).status,
      );
    }
    expect(spoofed.at(-1)).toBe(429); // one socket address, whatever the header claims
    const viaProxy = [];
    for (let i = 0; i < 11; i++) {
      viaProxy.push(
        (await login(proxied, "10.0.0.2", `p${i}@example.com`, { "X-Forwarded-For": `198.51.100.${i}` })).status,
      );
    }
    expect(viaProxy.every((s) => s === 401)).toBe(true); // each client behind the proxy has its own budget
  });

  it("counts IPv6 clients per /64", { timeout: GUESSES_TIMEOUT_MS }, async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login(t, `2001:db8:1:2::${i + 1}`, `v6-${i}@example.com`)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it("lets an office behind one address file tickets while one browser hammering is held back", async () => {
    const office = await Promise.all(
      Array.from({ length: 40 }, (_, i) => fileTicket(t, "192.0.2.10", `employee-token-${i}-xxxxxxxx`)),
    );
    expect(office.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const hammer = [];
    for (let i = 0; i < 31; i++) hammer.push((await fileTicket(t, "192.0.2.11", "one-browser-token-xxxxxxxx")).status);
    expect(hammer.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(hammer.at(-1)).toBe(429);
  });
});
