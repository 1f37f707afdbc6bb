import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { CUSTOMER_HEADERS } from "../../shared/customer-api.js";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { readSse, type SseReader } from "../helpers/sse.js";
import { createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";

const BROWSER_A = "browser-token-aaaaaaaaaaaaaaaa";
const BROWSER_B = "browser-token-bbbbbbbbbbbbbbbb";

describe.each(DATABASE_KINDS)("live events on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let admin: AgentClient;
  const open: SseReader[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    admin = agentClient(t, cookie);
  });
  afterAll(async () => {
    for (const s of open) await s.close();
    await database?.close();
  });

  async function agentStream(lastEventId?: string) {
    const res = await t.request(EVENTS_PATHS.agent, {
      headers: { Cookie: cookie, ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const s = readSse(res);
    open.push(s);
    return s;
  }
  async function customerStream(token: string) {
    const res = await t.request(EVENTS_PATHS.widget, {
      headers: {
        Origin: CUSTOMER_ORIGIN,
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        [CUSTOMER_HEADERS.customerToken]: token,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(CUSTOMER_ORIGIN);
    const s = readSse(res);
    open.push(s);
    return s;
  }

  it("refuses a stream without a session", async () => {
    expect((await t.request(EVENTS_PATHS.agent)).status).toBe(401);
    const res = await t.request(EVENTS_PATHS.widget, {
      headers: { Origin: CUSTOMER_ORIGIN, [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey },
    });
    expect(res.status).toBe(401);
  });

  it("pushes a new ticket and a reply to an agent's stream as they happen", async () => {
    const stream = await agentStream();
    const ticket = await fileTicket(t, { subject: "Live one" });
    const created = await stream.next((e) => e.event === "ticket.created" && e.data.ticketId === ticket.id);
    expect(Number(created.id)).toBeGreaterThan(0);
    const reply = await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "On it", internal: false });
    expect(reply.status).toBe(201);
    const message = await stream.next((e) => e.event === "message.created");
    expect(message.data).toMatchObject({ ticketId: ticket.id, type: "replied", details: { messageId: reply.body.id } });
    expect(Number(message.id)).toBeGreaterThan(Number(created.id));
  });

  it("resumes from Last-Event-ID after a disconnect without losing or repeating an event", async () => {
    const first = await agentStream();
    const ticket = await fileTicket(t, { subject: "Resume me" });
    const seen = await first.next((e) => e.event === "ticket.created" && e.data.ticketId === ticket.id);
    await first.close();
    // Written while nobody listens.
    for (const body of ["one", "two", "three"]) {
      expect((await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body, internal: false })).status).toBe(201);
    }
    const second = await agentStream(seen.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const e = await second.next((x) => x.data.ticketId === ticket.id && x.event === "message.created");
      ids.push(e.id!);
    }
    const after = await fileTicket(t, { subject: "Marker" });
    await second.next((e) => e.data.ticketId === after.id);
    const replayed = second.events
      .filter((e) => e.data.ticketId === ticket.id && e.event === "message.created")
      .map((e) => e.id);
    expect(replayed).toEqual(ids);
    expect(new Set(replayed).size).toBe(3);
    expect(replayed.every((id) => Number(id) > Number(seen.id))).toBe(true);
  });

  it("carries only the customer's own tickets, and never an internal note", async () => {
    const mine = await fileTicket(t, { subject: "Mine" }, { [CUSTOMER_HEADERS.customerToken]: BROWSER_A });
    const theirs = await fileTicket(t, { subject: "Theirs" }, { [CUSTOMER_HEADERS.customerToken]: BROWSER_B });
    const stream = await customerStream(BROWSER_A);
    await admin.post(`/api/v1/tickets/${mine.id}/messages`, { body: "secret note", internal: true });
    await admin.post(`/api/v1/tickets/${theirs.id}/messages`, { body: "to B", internal: false });
    const reply = await admin.post(`/api/v1/tickets/${mine.id}/messages`, { body: "to A", internal: false });
    const pending = await admin.patch(`/api/v1/tickets/${mine.id}`, { status: "pending" });
    expect(pending.status).toBe(200);
    const status = await stream.next((e) => e.data.type === "status_changed");
    expect(status.data).toMatchObject({ ticketId: mine.id, status: "pending" });
    expect(stream.events.map((e) => [e.event, e.data.type, e.data.messageId ?? null])).toEqual([
      ["message.created", "replied", reply.body.id],
      ["ticket.updated", "status_changed", null],
    ]);
    expect(JSON.stringify(stream.events)).not.toContain(theirs.id);
    expect(JSON.stringify(stream.events)).not.toContain("secret");
  });

  it("answers 429 when one customer opens too many streams", async () => {
    const token = "browser-token-cccccccccccccccc";
    for (let i = 0; i < 5; i++) await customerStream(token);
    const res = await t.request(EVENTS_PATHS.widget, {
      headers: {
        Origin: CUSTOMER_ORIGIN,
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        [CUSTOMER_HEADERS.customerToken]: token,
      },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect((await res.json()).error.code).toBe("rate_limited");
  });

  it("counts another server process's streams toward the cap while its lease is current, and forgets a dead one's", async () => {
    // An agent of its own, so streams left open by the tests above do not count.
    const agent = await createAgent(database.db, { workspaceId: t.workspace.id, email: "caps@example.com" });
    const agentCookie = await t.login({ email: agent.email, password: AGENT_PASSWORD });
    const db = database.db;
    const ghostHolds = (n: number) =>
      db.execute(sql`insert into live_connection_counts (holder, key, count) values ('ghost', ${`agent:${agent.id}`}, ${n})
        on conflict (holder, key) do update set count = excluded.count`);
    // Another process held all 10 of this agent's streams, and its lease lapsed a minute ago (it died).
    await db.execute(
      sql`insert into ops_leases (name, holder, expires_at) values ('live:ghost', 'ghost', now() - interval '1 minute')`,
    );
    await ghostHolds(10);
    const tryStream = () => t.request(EVENTS_PATHS.agent, { headers: { Cookie: agentCookie } });
    const streams: SseReader[] = [];
    const opens = async () => {
      const res = await tryStream();
      if (res.status === 200) streams.push(readSse(res));
      return res.status;
    };
    expect(await opens()).toBe(200);
    // The same process alive: its 10 count again, so this one's next stream is refused.
    await db.execute(sql`update ops_leases set expires_at = now() + interval '1 minute' where name = 'live:ghost'`);
    expect(await opens()).toBe(429);
    // It closes two: 8 there and 1 here leave room for exactly one more, here.
    await ghostHolds(8);
    expect(await opens()).toBe(200);
    expect(await opens()).toBe(429);
    // Closing one here frees its slot at once.
    await streams.pop()!.close();
    expect(await opens()).toBe(200);
    for (const s of streams) await s.close();
    await db.execute(sql`delete from live_connection_counts where holder = 'ghost'`);
    await db.execute(sql`delete from ops_leases where name = 'live:ghost'`);
  });
});
