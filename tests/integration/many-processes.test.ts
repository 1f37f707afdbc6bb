import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOptions } from "../../server/db/client.js";
import { startProxy, startServerProcess, type ServerProcess, waitFor } from "../helpers/server-processes.js";
import { ADMIN, ticketBody } from "../helpers/test-app.js";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** Two real server processes on one PostgreSQL behind a round-robin proxy behave as one server. */
describe.skipIf(!TEST_DATABASE_URL)("two server processes behind a proxy", () => {
  const name = `handoff_t_${randomBytes(6).toString("hex")}`;
  let admin: postgres.Sql;
  let sql: postgres.Sql;
  let servers: ServerProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  beforeAll(async () => {
    admin = postgres(connectionOptions(TEST_DATABASE_URL!, 1));
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    sql = postgres(connectionOptions(url.toString(), 2));
    // The proxy's address is every process's public URL: start it first, pointed at ports chosen next.
    const ports: string[] = [];
    proxy = await startProxy(ports);
    const env = {
      DATABASE_URL: url.toString(),
      HANDOFF_SITE_KEY: "pk_two_processes",
      HANDOFF_PUBLIC_URL: proxy.url,
      HANDOFF_ADMIN_PASSWORD: ADMIN.password,
      HANDOFF_TIME_TRIGGER_SECONDS: "0.2",
      HANDOFF_DB_POOL_SIZE: "4",
    };
    // Started together: migrations and the first-start bootstrap must not trip over each other.
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    ports.push(...servers.map((s) => s.url));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await proxy?.close();
    await sql?.end();
    await admin?.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${proxy.url}${path}`, { ...init, headers: { Origin: proxy.url, ...init.headers } });

  it("files a ticket through one process and shows it, with the agent's session, through the other", async () => {
    const body = JSON.stringify(ticketBody({ subject: "Invoices are empty", pageUrl: `${proxy.url}/demo/` }));
    const headers = {
      "Content-Type": "application/json",
      "X-Handoff-Key": "pk_two_processes",
      "Idempotency-Key": "k-1",
    };
    const created = await call("/api/v1/widget/tickets", { method: "POST", headers, body });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: string; reference: string };
    // The widget's retry lands on the other process: same ticket, not a second one.
    const retried = await call("/api/v1/widget/tickets", { method: "POST", headers, body });
    expect(retried.headers.get("x-upstream")).not.toBe(created.headers.get("x-upstream"));
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retried.json()) as { id: string }).id).toBe(ticket.id);

    const login = await call("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await call(`/api/v1/tickets/${ticket.id}`, { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { subject: string }).subject).toBe("Invoices are empty");
      seen.add(res.headers.get("x-upstream")!);
    }
    expect(seen.size).toBe(2);
    // Triage ran after the response, in the process that stored it; the other one sees the result.
    await waitFor(async () => (await sql`select triage from tickets where id = ${ticket.id}`)[0]?.triage !== null);
  });

  it("fires a time trigger once although both processes run the clock", async () => {
    const body = JSON.stringify(ticketBody({ subject: "Nobody answers", pageUrl: `${proxy.url}/demo/` }));
    const res = await call("/api/v1/widget/tickets", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Handoff-Key": "pk_two_processes" },
      body,
    });
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => (await sql`select triage from tickets where id = ${id}`)[0]?.triage !== null);
    // Two hours in tier 1 without an agent: past the 45-minute suggestion.
    await sql`update tickets set tier = 1, status = 'open', tier_entered_at = now() - interval '2 hours' where id = ${id}`;
    const suggestions = async () =>
      Number(
        (
          await sql`select count(*)::int as n from ticket_events where ticket_id = ${id} and type = 'escalation_suggested'`
        )[0]!.n,
      );
    await waitFor(async () => (await suggestions()) > 0, 30_000, "the escalation suggestion");
    // Several more passes of the clock (the lease is renewed on each), in whichever process holds it.
    const renewals = async () =>
      (await sql`select expires_at from ops_leases where name = 'time-triggers'`)[0]?.expires_at;
    for (let i = 0; i < 3; i++) {
      const before = String(await renewals());
      await waitFor(async () => String(await renewals()) !== before, 30_000, "another pass of the clock");
    }
    expect(await suggestions()).toBe(1);
  });

  it("answers /readyz and /metrics on each process", async () => {
    for (const server of servers) {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(
        /handoff_http_requests_total\{method="POST",route="\/api\/v1\/widget\/tickets",status="201"\}/,
      );
    }
  });
});
