import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { connectionOptions } from "../../server/db/client.js";
import { type RunningServer, startServer } from "../../server/start.js";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { readSse, type SseReader } from "../helpers/sse.js";
import { ticketBody } from "../helpers/test-app.js";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const PASSWORD = "correct horse battery staple";

/** Real servers on real HTTP: what one process writes reaches the streams of another, and survives a restart. */
async function start(options: { databaseUrl?: string; dataDir?: string }): Promise<RunningServer> {
  const config = {
    ...loadConfig({}),
    port: 0,
    host: "127.0.0.1",
    adminPassword: PASSWORD,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? "",
  };
  return startServer(config, { inMemory: false });
}

async function login(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify({ email: "admin@example.com", password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function fileTicket(server: RunningServer, subject: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/widget/tickets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url, "X-Handoff-Key": "pk_demo" },
    body: JSON.stringify(ticketBody({ subject, recording: { included: false } })),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function reply(server: RunningServer, cookie: string, ticketId: string, body: string) {
  const res = await fetch(`${server.url}/api/v1/tickets/${ticketId}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
    body: JSON.stringify({ body, internal: false }),
  });
  expect(res.status).toBe(201);
}

async function stream(server: RunningServer, cookie: string, lastEventId?: string): Promise<SseReader> {
  const res = await fetch(`${server.url}${EVENTS_PATHS.agent}`, {
    headers: { Cookie: cookie, ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) },
  });
  expect(res.status).toBe(200);
  return readSse(res);
}

/** Polls until check() holds (a deadline, no fixed sleep). */
async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** A database of its own next to TEST_DATABASE_URL, dropped after the file. */
async function scratchDatabase(): Promise<URL> {
  const name = `handoff_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(connectionOptions(TEST_DATABASE_URL!, 1));
  await admin.unsafe(`create database "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url;
}

describe.skipIf(!TEST_DATABASE_URL)("two server processes on one PostgreSQL", () => {
  it("a reply written on one reaches an SSE client of the other, and stream caps count both", async () => {
    const url = await scratchDatabase();
    const a = await start({ databaseUrl: url.toString() });
    cleanups.push(() => a.close());
    const b = await start({ databaseUrl: url.toString() });
    cleanups.push(() => b.close());
    const [cookieA, cookieB] = [await login(a), await login(b)];
    const onB = await stream(b, cookieB);
    cleanups.push(() => onB.close());
    const ticketId = await fileTicket(a, "Written on A");
    await onB.next((e) => e.event === "ticket.created" && e.data.ticketId === ticketId);
    await reply(a, cookieA, ticketId, "Reply from A");
    const message = await onB.next((e) => e.event === "message.created");
    expect(message.data.ticketId).toBe(ticketId);

    // The per-agent cap (10) holds across both: 1 stream above, 5 more on B, 4 on A; the 11th is refused on either.
    const open = async (server: RunningServer, cookie: string) => {
      const res = await fetch(`${server.url}${EVENTS_PATHS.agent}`, { headers: { Cookie: cookie } });
      if (res.status !== 200) return res.status;
      const s = readSse(res);
      cleanups.push(() => s.close());
      streams.push(s);
      return 200;
    };
    const streams: SseReader[] = [];
    for (let i = 0; i < 5; i++) expect(await open(b, cookieB)).toBe(200);
    for (let i = 0; i < 4; i++) expect(await open(a, cookieA)).toBe(200);
    expect(await open(a, cookieA)).toBe(429);
    expect(await open(b, cookieB)).toBe(429);
    // A stream closed on B frees a slot that A can take (once B has seen the disconnect), and then only that one.
    await streams[0]!.close();
    await waitUntil(async () => (await open(a, cookieA)) === 200, "a slot freed on B taken on A");
    expect(await open(b, cookieB)).toBe(429);
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)("a graceful stop with streams open (SIGTERM)", () => {
  it("gives their slots back before the pool closes: none keeps counting toward the caps", async () => {
    const url = await scratchDatabase();
    const server = await start({ databaseUrl: url.toString() });
    const cookie = await login(server);
    const streams = [await stream(server, cookie), await stream(server, cookie), await stream(server, cookie)];
    const db = postgres(connectionOptions(url.toString(), 1));
    cleanups.push(() => db.end());
    expect((await db`select sum(count)::int as n from live_connection_counts`)[0]!.n).toBe(6);
    await server.close();
    for (const s of streams) await s.close();
    expect(await db`select holder, key, count from live_connection_counts`).toEqual([]);
  });
});

describe("a server restart (PGlite on disk)", () => {
  it("resumes from Last-Event-ID with everything written since, nothing twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handoff-live-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const first = await start({ dataDir: join(dir, "db") });
    const cookie = await login(first);
    const before = await stream(first, cookie);
    const ticketId = await fileTicket(first, "Before the restart");
    const seen = await before.next((e) => e.event === "ticket.created" && e.data.ticketId === ticketId);
    await first.close();
    await before.close();

    const second = await start({ dataDir: join(dir, "db") });
    cleanups.push(() => second.close());
    const cookie2 = await login(second);
    await reply(second, cookie2, ticketId, "After the restart");
    const resumed = await stream(second, cookie2, seen.id);
    cleanups.push(() => resumed.close());
    const message = await resumed.next((e) => e.event === "message.created");
    expect(message.data.ticketId).toBe(ticketId);
    expect(resumed.events.every((e) => Number(e.id) > Number(seen.id))).toBe(true);
    expect(resumed.events.some((e) => e.event === "ticket.created")).toBe(false);
    // Two cold starts of PGlite on disk (migrations included) take most of this on a busy machine.
  }, 180_000);
});
