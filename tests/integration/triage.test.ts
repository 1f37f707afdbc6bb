import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { createAgent } from "../helpers/agents.js";
import type { Database } from "../../server/db/client.js";
import { agents, ticketEvents, tickets } from "../../server/db/schema.js";
import { signHs256 } from "../../server/lib/jwt.js";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import { refreshRoutingModel } from "../../server/services/routing/classifier/queue-classifier.js";

const quiet = { clicks: [], navigation: [], console: [], network: [], metadata: {} };

describe.each(DATABASE_KINDS)("triage on arrival on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    // Keep the bootstrap admin out of routing so assignments below are predictable.
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, t.workspace.id));
  });
  afterAll(() => database?.close());

  async function file(overrides: Partial<TicketCreateInput>) {
    const res = await t.createTicket(ticketBody({ context: quiet, ...overrides }));
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const detail = await t.request(`/api/v1/tickets/${id}`, { headers: { Cookie: cookie } });
    expect(detail.status).toBe(200);
    return detail.json();
  }
  const firedIds = (ticket: { triage: { rules: { id: string }[] } }) => ticket.triage.rules.map((r) => r.id);
  // Only a signed plan drives routing (issue 11): a JWT covering it, as a host app's backend would send.
  const verified = (plan: string) => ({
    id: `user-${plan}`,
    plan,
    jwt: signHs256({ sub: `user-${plan}`, plan, exp: Math.floor(Date.now() / 1000) + 600 }, t.workspace.identitySecret),
  });

  it("sends a verified enterprise customer's critical ticket straight to tier 2", async () => {
    const ticket = await file({
      subject: "Production is down",
      description: "Nothing loads since 9am.",
      identity: verified("enterprise"),
    });
    expect(ticket).toMatchObject({ severity: "critical", tier: 2, priority: 3 });
    expect(firedIds(ticket)).toContain("enterprise-critical");
    const rule = ticket.triage.rules.find((r: { id: string }) => r.id === "enterprise-critical");
    expect(rule.why).toEqual(["severity is critical", 'verified plan is "enterprise"']);
  });

  it("ignores the plan when the identity is not verified", async () => {
    const ticket = await file({
      subject: "Production is down",
      description: "Nothing loads.",
      identity: { id: "x", plan: "enterprise", userHash: "0".repeat(64) },
    });
    expect(ticket).toMatchObject({ severity: "critical", tier: 1 });
    expect(firedIds(ticket)).not.toContain("enterprise-critical");
  });

  it("sends security words to tier 3 as critical", async () => {
    const ticket = await file({
      subject: "Possible breach",
      description: "A colleague saw our customer list leaked on a forum.",
    });
    expect(ticket).toMatchObject({ severity: "critical", tier: 3 });
    expect(ticket.triage.rules[0]).toMatchObject({ id: "security", why: ['"breach" in the subject'] });
    expect(ticket.escalation.requiredHandoffFields).toEqual(["replayMoments"]);
  });

  it("sends API words, and a failed request to an API path, to the technical queue", async () => {
    const words = await file({
      subject: "Webhook deliveries stopped",
      description: "Our endpoint gets nothing since Monday.",
    });
    expect(words.queue).toBe("technical");
    expect(firedIds(words)).toContain("technical");
    const failing = await file({
      subject: "Export",
      description: "Nothing happens when I press it.",
      context: ticketBody().context,
    });
    expect(failing).toMatchObject({ queue: "technical", severity: "high" });
    expect(failing.triage.rules.find((r: { id: string }) => r.id === "technical-failed-api").why).toEqual([
      "POST /api/export returned 500",
    ]);
    expect(failing.flags).toMatchObject({
      failedRequests: true,
      rageClicks: true,
      escalationSuggested: false,
      pingPong: false,
    });
  });

  it("sends billing and account words to their queues, and questions as low", async () => {
    expect((await file({ subject: "Refund for a double charge", description: "We were charged twice." })).queue).toBe(
      "billing",
    );
    const sso = await file({ subject: "How do I set up SSO?", description: "Question about SAML for our team." });
    expect(sso).toMatchObject({ queue: "account", severity: "low", priority: 0 });
  });

  it("keeps a ticket the model is unsure about in triage, showing its two best guesses, and records the triage", async () => {
    // A workspace that wants near-certainty before the model routes anything on its own.
    const saveSettings = async (settings: object) => {
      const res = await t.request("/api/v1/matrix/settings", {
        method: "PUT",
        headers: { Cookie: cookie, "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify(settings),
      });
      expect(res.status).toBe(200);
    };
    await saveSettings({ classifierMinConfidence: 0.999 });
    const ticket = await file({ subject: "Colours look odd", description: "The chart palette changed." });
    await saveSettings({});
    expect(ticket).toMatchObject({ queue: "triage", severity: "medium", tier: 1 });
    expect(ticket.triage.note).toMatch(/the classifier suggests \w+ \(\d+%\) or \w+ \(\d+%\), below the 100% needed/);
    expect(ticket.triage.classifier).toMatchObject({ used: false });
    expect(ticket.triage.classifier.top).toHaveLength(2);
    const events = await database.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticket.id))
      .orderBy(ticketEvents.id);
    expect(events.map((e) => e.type)).toEqual(["created", "triaged"]);
    expect(events[1]!.details).toMatchObject({ queue: "triage", severity: "medium", tier: 1 });
  });

  it("assigns the least-loaded available agent with the queue's skill at the ticket's tier, round-robin on ties", async () => {
    const w = t.workspace.id;
    const ann = await createAgent(database.db, {
      workspaceId: w,
      email: "ann@example.com",
      tier: 1,
      skills: ["billing"],
    });
    const bob = await createAgent(database.db, {
      workspaceId: w,
      email: "bob@example.com",
      tier: 1,
      skills: ["billing", "account"],
    });
    await createAgent(database.db, { workspaceId: w, email: "tier2@example.com", tier: 2, skills: ["billing"] });
    await createAgent(database.db, {
      workspaceId: w,
      email: "away@example.com",
      tier: 1,
      skills: ["billing"],
      available: false,
    });
    const assigned = [];
    for (let i = 0; i < 4; i++)
      assigned.push(
        (await file({ subject: `Invoice ${i}`, description: "Wrong VAT number on the invoice." })).assigneeId,
      );
    expect(assigned).toEqual([ann.id, bob.id, ann.id, bob.id]);
    // Ann has less work once one of hers is resolved: she is the least loaded and gets the next ticket.
    await database.db.update(tickets).set({ status: "resolved" }).where(eq(tickets.assigneeId, ann.id));
    expect((await file({ subject: "Invoice 5", description: "Missing invoice." })).assigneeId).toBe(ann.id);
    const events = await database.db.select().from(ticketEvents).where(eq(ticketEvents.type, "assigned"));
    expect(events.filter((e) => e.details.agentId === ann.id && e.details.reason === "routing").length).toBe(3);
  });

  it("leaves a ticket unassigned when nobody has the skill at its tier", async () => {
    const ticket = await file({
      subject: "Everything is down for all users",
      description: "Webhook endpoint returns errors.",
      identity: verified("enterprise"),
    });
    expect(ticket).toMatchObject({ tier: 2, queue: "technical", assigneeId: null });
  });

  it("learns queues from resolved tickets and routes a confident suggestion when no rule decides", async () => {
    const examples = [
      ...Array.from({ length: 6 }, (_, i) => ({
        subject: `Dashboard chart ${i} empty`,
        description: "The revenue chart widget shows no bars on the dashboard.",
        queue: "analytics",
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        subject: `Mobile app crash ${i}`,
        description: "The iPhone app closes on launch after the update.",
        queue: "mobile",
      })),
    ];
    for (const example of examples) {
      const ticket = await file({ subject: example.subject, description: example.description });
      await database.db
        .update(tickets)
        .set({ queue: example.queue, status: "resolved", resolvedAt: new Date() })
        .where(eq(tickets.id, ticket.id));
    }
    await refreshRoutingModel(database.db, t.workspace.id);
    const chart = await file({
      subject: "Revenue chart on dashboard shows no bars",
      description: "The chart widget is empty.",
    });
    expect(chart.queue).toBe("analytics");
    // 12 above plus the two billing tickets resolved in the routing test.
    expect(chart.triage.classifier).toMatchObject({ queue: "analytics", used: true, examples: 14 });
    expect(chart.triage.classifier.confidence).toBeGreaterThanOrEqual(0.7);
    // Words that say nothing about a queue: no confident opinion, so the ticket waits in triage.
    const vague = await file({ subject: "question", description: "hi" });
    expect(vague.queue).toBe("triage");
    expect(vague.triage.classifier.used).toBe(false);
  });
});
