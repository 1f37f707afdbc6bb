import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { CUSTOMER_HEADERS, CUSTOMER_PATHS } from "../../shared/customer-api.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { createAgent } from "../helpers/agents.js";
import { createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";

const BROWSER = "browser-token-reply-collision";

/**
 * Agent collision: two agents answering one customer at once. A public reply sent with the newest message its agent
 * saw is refused (409, nothing stored) when a colleague answered the customer since; API clients without the field
 * are unchanged.
 */
describe.each(DATABASE_KINDS)("a reply crossing a colleague's on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let tara: AgentClient;
  let sam: AgentClient;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    const workspaceId = t.workspace.id;
    const agent = (email: string, name: string) =>
      createAgent(database.db, { workspaceId, email, name, tier: 1, skills: ["technical"] });
    const a = await agent("tara@example.com", "Tara");
    const s = await agent("sam@example.com", "Sam");
    tara = agentClient(t, await t.login({ email: a.email, password: a.password }));
    sam = agentClient(t, await t.login({ email: s.email, password: s.password }));
  });
  afterAll(() => database?.close());

  const newTicket = () => fileTicket(t, { subject: "Export fails" }, { [CUSTOMER_HEADERS.customerToken]: BROWSER });
  const messagesPath = (id: string) => `/api/v1/tickets/${id}/messages`;
  async function thread(id: string) {
    const page = await tara.get(messagesPath(id));
    type Row = { body: string; authorType: string; authorName: string; internal: boolean };
    return (page.body.messages as Row[]).map(
      (m) => `${m.authorType === "customer" ? "customer" : m.authorName}${m.internal ? "/note" : ""}: ${m.body}`,
    );
  }
  async function newestId(id: string): Promise<string | null> {
    const list = (await sam.get(messagesPath(id))).body.messages as { id: string }[];
    return list.at(-1)?.id ?? null;
  }
  const asCustomer = (id: string, body: string) =>
    t.request(CUSTOMER_PATHS.messages(id), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: CUSTOMER_ORIGIN,
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        [CUSTOMER_HEADERS.customerToken]: BROWSER,
      },
      body: JSON.stringify({ body }),
    });

  it("a reply written before a colleague's is refused with their name and stores nothing; the fresh id sends it once", async () => {
    const { id } = await newTicket();
    expect((await asCustomer(id, "Still failing")).status).toBe(201);
    const seen = await newestId(id);
    expect((await tara.post(messagesPath(id), { body: "Try the desktop app", lastSeenMessageId: seen })).status).toBe(
      201,
    );
    const refused = await sam.post(messagesPath(id), { body: "Clear the cache", lastSeenMessageId: seen });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: "reply_conflict",
        message: expect.stringContaining("Tara replied"),
        requestId: expect.any(String),
      },
    });
    expect(await thread(id)).toEqual(["customer: Still failing", "Tara: Try the desktop app"]);
    const fresh = await newestId(id);
    const sent = await sam.post(messagesPath(id), { body: "Clear the cache", lastSeenMessageId: fresh });
    expect(sent.status).toBe(201);
    expect((await thread(id)).filter((m) => m.endsWith("Clear the cache"))).toEqual(["Sam: Clear the cache"]);
  });

  it("a colleague's reply on a ticket the agent saw empty (null) is a collision too", async () => {
    const { id } = await newTicket();
    expect((await tara.post(messagesPath(id), { body: "Looking into it" })).status).toBe(201);
    const refused = await sam.post(messagesPath(id), { body: "Hello!", lastSeenMessageId: null });
    expect(refused.body.error.code).toBe("reply_conflict");
    expect(await thread(id)).toEqual(["Tara: Looking into it"]);
  });

  it("a new customer message, a colleague's note, or the agent's own reply is not a collision", async () => {
    const { id } = await newTicket();
    const seen = await newestId(id);
    expect((await asCustomer(id, "Any news?")).status).toBe(201);
    expect((await tara.post(messagesPath(id), { body: "Sam has this", internal: true })).status).toBe(201);
    expect((await sam.post(messagesPath(id), { body: "On it", lastSeenMessageId: seen })).status).toBe(201);
    expect((await sam.post(messagesPath(id), { body: "Fixed now", lastSeenMessageId: seen })).status).toBe(201);
  });

  it("an internal note is never refused; without the field a reply is stored as before", async () => {
    const { id } = await newTicket();
    const seen = await newestId(id);
    expect((await tara.post(messagesPath(id), { body: "First answer" })).status).toBe(201);
    const note = await sam.post(messagesPath(id), { body: "Tara answered", internal: true, lastSeenMessageId: seen });
    expect(note.status).toBe(201);
    expect((await sam.post(messagesPath(id), { body: "Second answer" })).status).toBe(201);
    expect(await thread(id)).toEqual(["Tara: First answer", "Sam/note: Tara answered", "Sam: Second answer"]);
  });

  it("an id that is not a message of this ticket is a validation error", async () => {
    const { id } = await newTicket();
    const other = await newTicket();
    const { body } = await tara.post(messagesPath(other.id), { body: "Hi" });
    const refused = await sam.post(messagesPath(id), { body: "Hello", lastSeenMessageId: body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([{ path: "lastSeenMessageId", message: expect.any(String) }]);
  });
});
