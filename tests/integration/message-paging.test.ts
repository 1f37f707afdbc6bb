import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { messages } from "../../server/db/schema.js";
import { CUSTOMER_HEADERS, CUSTOMER_PATHS } from "../../shared/customer-api.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";

const BROWSER = "browser-token-paging-aaaaaaaaaa";

describe.each(DATABASE_KINDS)("long conversations page back on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let ticketId: string;
  /** Bodies in the order they were written; every 7th is an internal note. */
  const bodies: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    ticketId = (await fileTicket(t, {}, { [CUSTOMER_HEADERS.customerToken]: BROWSER })).id;
    // 130 messages, written in bulk; runs of 5 share one timestamp, so the order also rests on the id tiebreak.
    const start = Date.now() - 3_600_000;
    const rows = Array.from({ length: 130 }, (_, i) => {
      const body = `message ${String(i).padStart(3, "0")}`;
      bodies.push(body);
      return {
        ticketId,
        authorType: i % 2 ? ("agent" as const) : ("customer" as const),
        body,
        internal: i % 7 === 6,
        createdAt: new Date(start + Math.floor(i / 5) * 1000),
      };
    });
    await database.db.insert(messages).values(rows);
  });
  afterAll(() => database?.close());

  /** Pages until olderCursor is null; returns the pages as the agent saw them. */
  async function pagesOf(
    read: (before?: string) => Promise<{ messages: { id: string; body: string }[]; olderCursor: string | null }>,
  ) {
    const pages: { id: string; body: string }[][] = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await read(before);
      pages.push(page.messages);
      if (!page.olderCursor) break;
      before = page.olderCursor;
    }
    return pages;
  }

  /** Every message exactly once, in (written at, id) order: messages written in the same instant go by id. */
  function expectWholeInOrder(whole: { id: string; body: string }[], expected: string[]) {
    expect(whole.map((m) => m.body).sort()).toEqual([...expected].sort());
    const key = (m: { id: string; body: string }) =>
      `${String(Math.floor(Number(m.body.slice(-3)) / 5)).padStart(3, "0")}|${m.id}`;
    const keys = whole.map(key);
    expect(keys).toEqual([...keys].sort());
  }

  it("an agent gets the newest 50 first, oldest first, and pages back to the first message without gaps or repeats", async () => {
    const pages = await pagesOf(async (before) => {
      const res = await admin.get(`/api/v1/tickets/${ticketId}/messages${before ? `?before=${before}` : ""}`);
      expect(res.status).toBe(200);
      return res.body;
    });
    expect(pages.map((p) => p.length)).toEqual([50, 50, 30]);
    expect(pages[0]!.at(-1)!.body).toMatch(/^message 12[5-9]$/);
    // Each page reads oldest first; the pages put back together are the whole conversation, in order.
    expectWholeInOrder([...pages].reverse().flat(), bodies);
  });

  it("the customer pages their thread the same way, never seeing an internal note", async () => {
    const publicBodies = bodies.filter((_, i) => i % 7 !== 6);
    const pages = await pagesOf(async (before) => {
      const res = await t.request(`${CUSTOMER_PATHS.messages(ticketId)}?limit=40${before ? `&before=${before}` : ""}`, {
        headers: {
          Origin: CUSTOMER_ORIGIN,
          [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
          [CUSTOMER_HEADERS.customerToken]: BROWSER,
        },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { messages: { id: string; body: string }[]; olderCursor: string | null };
    });
    expect(pages.map((p) => p.length)).toEqual([40, 40, 32]);
    expectWholeInOrder([...pages].reverse().flat(), publicBodies);
  });

  it("the widget's conversation list carries each thread's newest 100 messages and the cursor to the rest", async () => {
    const headers = {
      Origin: CUSTOMER_ORIGIN,
      [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
      [CUSTOMER_HEADERS.customerToken]: BROWSER,
    };
    const list = await (await t.request(CUSTOMER_PATHS.conversations, { headers })).json();
    const conversation = list.conversations.find((c: { id: string }) => c.id === ticketId);
    expect(conversation.messages).toHaveLength(100);
    expect(conversation.olderCursor).toEqual(expect.any(String));
    const rest = await (
      await t.request(`${CUSTOMER_PATHS.messages(ticketId)}?before=${conversation.olderCursor}`, { headers })
    ).json();
    expect(rest.olderCursor).toBeNull();
    expectWholeInOrder(
      [...rest.messages, ...conversation.messages],
      bodies.filter((_, i) => i % 7 !== 6),
    );

    // A short thread comes whole, with no cursor.
    const short = await fileTicket(t, { subject: "Short one" }, { [CUSTOMER_HEADERS.customerToken]: BROWSER });
    const again = await (await t.request(CUSTOMER_PATHS.conversations, { headers })).json();
    expect(again.conversations.find((c: { id: string }) => c.id === short.id)).toMatchObject({
      messages: [],
      olderCursor: null,
    });
  });

  it("refuses a forged cursor and an oversized page with a clear error", async () => {
    const forged = await admin.get(
      `/api/v1/tickets/${ticketId}/messages?before=${Buffer.from("x|y").toString("base64url")}`,
    );
    expect(forged.status).toBe(422);
    expect(forged.body.error.issues[0].path).toBe("before");
    expect((await admin.get(`/api/v1/tickets/${ticketId}/messages?limit=5000`)).status).toBe(422);
  });
});
