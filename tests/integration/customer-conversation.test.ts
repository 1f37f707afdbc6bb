import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { tickets } from "../../server/db/schema.js";
import { CUSTOMER_HEADERS, CUSTOMER_PATHS } from "../../shared/customer-api.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { fileTicket, otherWorkspace, userHash, type AgentClient } from "../helpers/agent-client.js";
import { CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

const BROWSER_A = "browser-token-aaaaaaaaaaaaaaaa";
const BROWSER_B = "browser-token-bbbbbbbbbbbbbbbb";

describe.each(DATABASE_KINDS)("the customer's side of the conversation on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ database, t, admin } = app));

  /** Calls a customer route as the widget does: site key, page Origin, and who the customer is. */
  async function widget(
    method: string,
    path: string,
    who: Record<string, string>,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const res = await t.request(path, {
      method,
      headers: {
        Origin: CUSTOMER_ORIGIN,
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...who,
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
  }
  const browser = (token: string) => ({ [CUSTOMER_HEADERS.customerToken]: token });
  const user = (id: string, hash = userHash(t.workspace.identitySecret, id)) => ({
    [CUSTOMER_HEADERS.user]: JSON.stringify({ id, email: `${id}@northwind.example`, userHash: hash }),
  });

  it("shows an anonymous customer only the tickets this browser created, never another browser's with the same email", async () => {
    const mine = await fileTicket(t, { subject: "Mine from A", email: "same@northwind.example" }, browser(BROWSER_A));
    await fileTicket(t, { subject: "Theirs from B", email: "same@northwind.example" }, browser(BROWSER_B));
    const list = await widget("GET", CUSTOMER_PATHS.conversations, browser(BROWSER_A));
    expect(list.status).toBe(200);
    expect(list.body.conversations.map((c: { subject: string }) => c.subject)).toEqual(["Mine from A"]);
    expect(list.body.conversations[0]).toMatchObject({ id: mine.id, status: "open", messages: [] });
    const other = await widget("GET", CUSTOMER_PATHS.messages(mine.id), browser(BROWSER_B));
    expect(other.status).toBe(404);
    expect(
      (await widget("POST", CUSTOMER_PATHS.messages(mine.id), browser(BROWSER_B), { body: "hijack" })).status,
    ).toBe(404);
  });

  it("shows a verified user their tickets on any device, and nobody else's", async () => {
    const filed = await fileTicket(
      t,
      { subject: "Verified one", identity: { id: "u-1", userHash: userHash(t.workspace.identitySecret, "u-1") } },
      browser(BROWSER_A),
    );
    const elsewhere = await widget("GET", CUSTOMER_PATHS.conversations, { ...user("u-1"), ...browser(BROWSER_B) });
    expect(elsewhere.body.conversations.map((c: { id: string }) => c.id)).toEqual([filed.id]);
    // The same browser without the identity (user logged out) no longer sees it.
    const loggedOut = await widget("GET", CUSTOMER_PATHS.conversations, browser(BROWSER_A));
    expect(loggedOut.body.conversations.map((c: { id: string }) => c.id)).not.toContain(filed.id);
    // A forged hash is ignored, so without a browser token it is 401.
    const forged = await widget("GET", CUSTOMER_PATHS.conversations, user("u-1", "0".repeat(64)));
    expect(forged.status).toBe(401);
    expect((await widget("GET", CUSTOMER_PATHS.conversations, user("u-2"))).body.conversations).toEqual([]);
    // Non-Latin-1 ids travel as base64url JSON.
    const unicodeId = "usuário-7";
    const mineUnicode = await fileTicket(t, {
      subject: "Unicode",
      identity: { id: unicodeId, userHash: userHash(t.workspace.identitySecret, unicodeId) },
    });
    const encoded = Buffer.from(
      JSON.stringify({ id: unicodeId, userHash: userHash(t.workspace.identitySecret, unicodeId) }),
    ).toString("base64url");
    const unicode = await widget("GET", CUSTOMER_PATHS.conversations, { [CUSTOMER_HEADERS.user]: encoded });
    expect(unicode.body.conversations.map((c: { id: string }) => c.id)).toEqual([mineUnicode.id]);
  });

  it("sends agents' public replies to the customer and never their internal notes", async () => {
    const { id } = await fileTicket(t, { subject: "Replies" }, browser(BROWSER_A));
    await admin.post(`/api/v1/tickets/${id}/messages`, { body: "We are on it", internal: false });
    await admin.post(`/api/v1/tickets/${id}/messages`, { body: "SECRET: customer is on a trial", internal: true });
    const thread = await widget("GET", CUSTOMER_PATHS.messages(id), browser(BROWSER_A));
    expect(thread.status).toBe(200);
    expect(thread.body.messages).toEqual([
      expect.objectContaining({ authorType: "agent", authorName: "Admin", body: "We are on it" }),
    ]);
    expect(JSON.stringify(thread.body)).not.toContain("SECRET");
    expect(JSON.stringify((await widget("GET", CUSTOMER_PATHS.conversations, browser(BROWSER_A))).body)).not.toContain(
      "SECRET",
    );
  });

  it("lets the customer reply: the agent sees it, and a pending or resolved ticket reopens", async () => {
    const { id } = await fileTicket(t, { subject: "Reply back", name: "Jamie" }, browser(BROWSER_A));
    await admin.patch(`/api/v1/tickets/${id}`, { status: "pending" });
    const sent = await widget("POST", CUSTOMER_PATHS.messages(id), browser(BROWSER_A), { body: "Still broken" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ authorType: "customer", authorName: null, body: "Still broken" });
    const agentView = await admin.get(`/api/v1/tickets/${id}/messages`);
    expect(agentView.body.messages).toEqual([
      expect.objectContaining({ authorType: "customer", authorName: "Jamie", body: "Still broken" }),
    ]);
    const ticket = (await database.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
    expect(ticket.status).toBe("open");
    expect(ticket.customerRepliesSinceAgent).toBe(1);
    await admin.patch(`/api/v1/tickets/${id}`, { status: "closed" });
    const closed = await widget("POST", CUSTOMER_PATHS.messages(id), browser(BROWSER_A), { body: "Hello?" });
    expect(closed.status).toBe(409);
    const empty = await widget("POST", CUSTOMER_PATHS.messages(id), browser(BROWSER_A), { body: "" });
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues).toEqual([{ path: "body", message: expect.any(String) }]);
  });

  it("delivers new public replies and status changes through the updates poll", async () => {
    const { id } = await fileTicket(t, { subject: "Polling" }, browser(BROWSER_B));
    const first = await widget("GET", CUSTOMER_PATHS.updates, browser(BROWSER_B));
    expect(first.body).toEqual({ cursor: expect.any(String), messages: [], tickets: [] });
    await admin.post(`/api/v1/tickets/${id}/messages`, { body: "Fixed, please retry" });
    await admin.post(`/api/v1/tickets/${id}/messages`, { body: "internal only", internal: true });
    await admin.patch(`/api/v1/tickets/${id}`, { status: "resolved" });
    const next = await widget("GET", `${CUSTOMER_PATHS.updates}?since=${first.body.cursor}`, browser(BROWSER_B));
    expect(next.status).toBe(200);
    expect(next.body.messages.map((m: { body: string }) => m.body)).toEqual(["Fixed, please retry"]);
    // The poll looks back a few seconds (de-duplicated by the widget), so other recent tickets may appear too.
    expect(next.body.tickets).toContainEqual(expect.objectContaining({ id, status: "resolved" }));
    const stranger = await widget(
      "GET",
      `${CUSTOMER_PATHS.updates}?since=${first.body.cursor}`,
      browser("someone-else-entirely-123"),
    );
    expect(stranger.body.messages).toEqual([]);
    expect((await widget("GET", `${CUSTOMER_PATHS.updates}?since=garbage`, browser(BROWSER_B))).status).toBe(422);
  });

  it("requires the site key, an allowed Origin and a customer identity; answers CORS preflights", async () => {
    const noKey = await t.request(CUSTOMER_PATHS.conversations, {
      headers: { Origin: CUSTOMER_ORIGIN, ...browser(BROWSER_A) },
    });
    expect(noKey.status).toBe(401);
    expect(
      (
        await widget("GET", CUSTOMER_PATHS.conversations, browser(BROWSER_A), undefined, {
          Origin: "https://evil.example",
        })
      ).status,
    ).toBe(403);
    expect((await widget("GET", CUSTOMER_PATHS.conversations, {})).status).toBe(401);
    expect((await widget("GET", CUSTOMER_PATHS.conversations, browser("short"))).status).toBe(401);
    // Same-origin GETs (the demo page on this server) carry no Origin; Sec-Fetch-Site says where they come from.
    const sameOrigin = { [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey, ...browser(BROWSER_A) };
    expect(
      (await t.request(CUSTOMER_PATHS.conversations, { headers: { ...sameOrigin, "Sec-Fetch-Site": "same-origin" } }))
        .status,
    ).toBe(200);
    expect(
      (await t.request(CUSTOMER_PATHS.conversations, { headers: { ...sameOrigin, "Sec-Fetch-Site": "cross-site" } }))
        .status,
    ).toBe(403);
    const preflight = await t.request(CUSTOMER_PATHS.messages("00000000-0000-4000-8000-000000000000"), {
      method: "OPTIONS",
      headers: {
        Origin: CUSTOMER_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "x-handoff-user,x-handoff-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(CUSTOMER_ORIGIN);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-handoff-user");
  });

  it("keeps workspaces apart: another workspace's site key never reaches this workspace's tickets", async () => {
    const { id } = await fileTicket(t, { subject: "Cross workspace" }, browser(BROWSER_A));
    const other = await otherWorkspace(t, "customer");
    const res = await widget("GET", CUSTOMER_PATHS.messages(id), browser(BROWSER_A), undefined, {
      [CUSTOMER_HEADERS.siteKey]: other.workspace.siteKey,
    });
    expect(res.status).toBe(404);
  });
});
