import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { tickets } from "../../server/db/schema.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { agentClient, fileTicket, otherWorkspace, type AgentClient } from "../helpers/agent-client.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

describe.each(DATABASE_KINDS)("the queue: filters, search, order and counts on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let adminId: string;
  let agentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    adminId = (await admin.get("/api/v1/auth/me")).body.id;
    agentId = (
      await admin.post("/api/v1/agents", {
        email: "kim@example.com",
        name: "Kim",
        password: "kims password 1",
        tier: 2,
        skills: ["billing"],
      })
    ).body.id;
    const file = async (
      key: string,
      subject: string,
      description: string,
      plan: string,
      priority: number,
      tier: number,
      customer: { email?: string; name?: string; company?: string } = {},
    ) => {
      const { email, name, company = "Northwind" } = customer;
      ids[key] = (
        await fileTicket(t, { subject, description, name, identity: { plan, company }, ...(email && { email }) })
      ).id;
      // Start from a known state: no triage queue or routing assignment, the test sets those itself.
      await database.db
        .update(tickets)
        .set({ priority, tier, queue: null, assigneeId: null })
        .where(eq(tickets.id, ids[key]!));
    };
    await file("invoice", "Invoice address wrong", "Please change the billing address on invoices", "starter", 10, 1, {
      email: "priya.raman@fjord-logistics.example",
      name: "Priya Raman",
      company: "Fjordline Freight",
    });
    await file("crash", "Dashboard crashes", "White screen after login", "enterprise", 90, 2);
    await file("export", "Export button broken", "CSV export does nothing", "enterprise", 50, 1);
    await file("sso", "SSO login loop", "Okta redirects forever", "pro", 50, 3);
    await admin.patch(`/api/v1/tickets/${ids.invoice}`, { queue: "billing", severity: "low", assigneeId: agentId });
    await admin.patch(`/api/v1/tickets/${ids.crash}`, {
      queue: "technical",
      severity: "critical",
      assigneeId: adminId,
    });
    await admin.patch(`/api/v1/tickets/${ids.sso}`, { queue: "technical", severity: "high", status: "pending" });
    await admin.post(`/api/v1/tickets/${ids.export}/messages`, {
      body: "Customer uses Safari 17 on macOS",
      internal: true,
    });
  });
  afterAll(() => database?.close());

  const list = async (query: string) => {
    const res = await admin.get(`/api/v1/tickets${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { tickets: { id: string }[]; counts?: Record<string, number>; nextCursor: string | null };
  };
  const keys = (page: { tickets: { id: string }[] }) =>
    page.tickets.map((x) => Object.entries(ids).find(([, id]) => id === x.id)?.[0] ?? x.id);

  it("orders by priority, then the longest waiting first", async () => {
    expect(keys(await list(""))).toEqual(["crash", "export", "sso", "invoice"]);
  });

  it("filters by status, queue, tier, severity and plan, each combinable", async () => {
    expect(keys(await list("?status=pending"))).toEqual(["sso"]);
    expect(keys(await list("?queue=technical"))).toEqual(["crash", "sso"]);
    expect(keys(await list("?queue=technical&status=open"))).toEqual(["crash"]);
    expect(keys(await list("?tier=1"))).toEqual(["export", "invoice"]);
    expect(keys(await list("?severity=critical"))).toEqual(["crash"]);
    expect(keys(await list("?plan=Enterprise"))).toEqual(["crash", "export"]);
  });

  it("filters by assignee: mine, unassigned, or a given agent", async () => {
    expect(keys(await list("?assignee=me"))).toEqual(["crash"]);
    expect(keys(await list("?assignee=unassigned"))).toEqual(["export", "sso"]);
    expect(keys(await list(`?assignee=${agentId}`))).toEqual(["invoice"]);
  });

  it("searches subject, description and messages by word prefix, and references", async () => {
    expect(keys(await list("?q=invoice"))).toEqual(["invoice"]);
    expect(keys(await list("?q=okta redir"))).toEqual(["sso"]);
    expect(keys(await list("?q=safari"))).toEqual(["export"]); // only in an internal note
    expect(keys(await list("?q=nothing-matches-this"))).toEqual([]);
    const crash = (await admin.get(`/api/v1/tickets/${ids.crash}`)).body;
    expect(keys(await list(`?q=${crash.reference}`))).toEqual(["crash"]);
  });

  it("finds a customer's tickets by their email, its domain, their name or their company", async () => {
    expect(keys(await list("?q=priya.raman@fjord-logistics.example"))).toEqual(["invoice"]);
    expect(keys(await list("?q=fjord-logistics"))).toEqual(["invoice"]);
    expect(keys(await list("?q=raman"))).toEqual(["invoice"]);
    expect(keys(await list("?q=fjordline freight"))).toEqual(["invoice"]);
    expect(keys(await list("?q=northwind.example"))).toEqual(["crash", "export", "sso"]);
    // A whole address finds that customer, not every address it begins ("ram@…" is not "raman@…").
    expect(keys(await list("?q=raman@fjord-logistics.example"))).toEqual(["invoice"]);
    expect(keys(await list("?q=ram@fjord-logistics.example"))).toEqual([]);
  });

  it("counts tickets per status under the other filters", async () => {
    const all = await list("");
    expect(all.counts).toEqual({ open: 3, pending: 1, escalated: 0, resolved: 0, closed: 0 });
    const technical = await list("?queue=technical&status=open");
    expect(technical.counts).toEqual({ open: 1, pending: 1, escalated: 0, resolved: 0, closed: 0 });
  });

  it("pages through the same order without repeating or skipping a ticket", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...keys(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["crash", "export", "sso", "invoice"]);
  });

  it("refuses bad filters with one issue per field", async () => {
    const res = await admin.get("/api/v1/tickets?tier=7&severity=urgent&assignee=bob&cursor=zzz");
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["assignee", "severity", "tier"]);
    const cursor = await admin.get("/api/v1/tickets?cursor=bm90LWEtY3Vyc29y");
    expect(cursor.status).toBe(422);
    expect(cursor.body.error.issues[0].path).toBe("cursor");
  });

  it("never lists or counts another workspace's tickets", async () => {
    const other = await otherWorkspace(t);
    const page = (await other.client.get("/api/v1/tickets?q=invoice")).body;
    expect(page.tickets).toEqual([]);
    expect(Object.values(page.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
