import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { CUSTOMER_HEADERS, CUSTOMER_PATHS } from "../../shared/customer-api.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";

const BROWSER = "browser-token-idempotent-replies";

/**
 * A reply whose answer was lost is sent again (the widget's retry, an agent's second click): with the same
 * Idempotency-Key it is stored once and the original comes back; long text is refused whole, never cut.
 */
describe.each(DATABASE_KINDS)("replies sent again on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let admin: AgentClient;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    admin = agentClient(t, cookie);
  });
  afterAll(() => database?.close());

  async function post(path: string, who: Record<string, string>, body: unknown, key?: string) {
    const res = await t.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...who, ...(key ? { "Idempotency-Key": key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json(), replayed: res.headers.get("Idempotent-Replayed") };
  }
  const customer = () => ({
    Origin: CUSTOMER_ORIGIN,
    [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
    [CUSTOMER_HEADERS.customerToken]: BROWSER,
  });
  const asCustomer = (ticketId: string, body: string, key?: string) =>
    post(CUSTOMER_PATHS.messages(ticketId), customer(), { body }, key);
  const asAgent = (ticketId: string, body: string, key?: string, internal = false) =>
    post(`/api/v1/tickets/${ticketId}/messages`, { Cookie: cookie, Origin: ORIGIN }, { body, internal }, key);

  async function bodies(ticketId: string) {
    const page = await admin.get(`/api/v1/tickets/${ticketId}/messages`);
    return (page.body.messages as { body: string; authorType: string; internal: boolean }[]).map(
      (m) => `${m.authorType}${m.internal ? "/note" : ""}: ${m.body}`,
    );
  }
  async function events(ticketId: string, type: string) {
    const list = await admin.get(`/api/v1/tickets/${ticketId}/events`);
    return (list.body.events as { type: string }[]).filter((e) => e.type === type).length;
  }
  const newTicket = () => fileTicket(t, { subject: "Export fails" }, { [CUSTOMER_HEADERS.customerToken]: BROWSER });

  it("the customer's reply posted twice with one key is one message with one id; other keys are other messages", async () => {
    const { id } = await newTicket();
    const first = await asCustomer(id, "It fails on Safari 17 too", "reply-key-1");
    const again = await asCustomer(id, "It fails on Safari 17 too", "reply-key-1");
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect([first.replayed, again.replayed]).toEqual([null, "true"]);
    expect(await asCustomer(id, "It fails on Safari 17 too", "reply-key-2")).toMatchObject({ status: 201 });
    // Without a key nothing changes for older widgets: each post is a message.
    await asCustomer(id, "No key", undefined);
    await asCustomer(id, "No key", undefined);
    expect(await bodies(id)).toEqual([
      "customer: It fails on Safari 17 too",
      "customer: It fails on Safari 17 too",
      "customer: No key",
      "customer: No key",
    ]);
    expect(await events(id, "customer_replied")).toBe(4);
  });

  it("two sends of one reply racing each other store it once", async () => {
    const { id } = await newTicket();
    const sends = await Promise.all([1, 2, 3].map(() => asCustomer(id, "Sent on a flaky train", "race-key")));
    expect(sends.map((s) => s.status)).toEqual([201, 201, 201]);
    expect(new Set(sends.map((s) => s.body.id)).size).toBe(1);
    expect(await bodies(id)).toEqual(["customer: Sent on a flaky train"]);
  });

  it("a repeat answers with the original even once the ticket closed; a key reused for other words is refused", async () => {
    const { id } = await newTicket();
    const first = await asCustomer(id, "Thanks, that fixed it", "closing-key");
    expect((await admin.patch(`/api/v1/tickets/${id}`, { status: "closed" })).status).toBe(200);
    const again = await asCustomer(id, "Thanks, that fixed it", "closing-key");
    expect(again).toMatchObject({ status: 201, replayed: "true", body: { id: first.body.id } });
    const other = await asCustomer(id, "Something else entirely", "closing-key");
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "conflict", requestId: expect.any(String) });
  });

  it("an agent's reply and note sent twice with one key are stored once each; the key reused for a note is refused", async () => {
    const { id } = await newTicket();
    const reply = await asAgent(id, "Could you try the desktop app?", "agent-key-1");
    const again = await asAgent(id, "Could you try the desktop app?", "agent-key-1");
    expect(again).toMatchObject({ status: 201, replayed: "true", body: { id: reply.body.id, internal: false } });
    const note = await asAgent(id, "Probably the PDF worker", "agent-key-2", true);
    expect((await asAgent(id, "Probably the PDF worker", "agent-key-2", true)).body.id).toBe(note.body.id);
    expect((await asAgent(id, "Could you try the desktop app?", "agent-key-1", true)).status).toBe(409);
    expect(await bodies(id)).toEqual(["agent: Could you try the desktop app?", "agent/note: Probably the PDF worker"]);
    expect([await events(id, "replied"), await events(id, "note_added")]).toEqual([1, 1]);
    // The same key on another ticket is another message: keys are per ticket.
    const other = await newTicket();
    expect((await asAgent(other.id, "Could you try the desktop app?", "agent-key-1")).replayed).toBeNull();
  });

  it("text over the limit is refused whole with the standard error body, never stored cut short", async () => {
    const long = "x".repeat(10_001);
    const created = await t.createTicket(ticketBody({ subject: "s".repeat(201), description: long }), {
      [CUSTOMER_HEADERS.customerToken]: BROWSER,
    });
    expect(created.status).toBe(422);
    const refused = (await created.json()) as { error: { issues: { path: string }[] } };
    expect(refused).toEqual({
      error: {
        code: "validation_failed",
        message: "2 fields are invalid",
        requestId: expect.any(String),
        issues: [
          { path: "subject", message: expect.any(String) },
          { path: "description", message: expect.any(String) },
        ],
      },
    });
    const { id } = await newTicket();
    for (const sent of [
      await asCustomer(id, long, "long-1"),
      await asAgent(id, long, "long-2"),
      await asAgent(id, long, "long-3", true),
    ]) {
      expect(sent).toMatchObject({
        status: 422,
        body: { error: { code: "validation_failed", issues: [{ path: "body" }] } },
      });
    }
    expect(await bodies(id)).toEqual([]);
  });
});
