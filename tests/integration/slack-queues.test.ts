import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { agents } from "../../server/db/schema.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import { loadNotificationConfig } from "../../server/services/notifications/notification-config.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, jobsSettled, waitFor } from "../helpers/notify-databases.js";
import { createTestApp } from "../helpers/test-app.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";

const handoff = {
  summary: "Invoice PDF download returns 500 for the customer's March invoice",
  attempted: [{ action: "Regenerated the invoice", result: "Same 500" }],
  reason: "Billing system error: needs the billing team",
  customerGoal: "Download the March invoice for their accountant",
  replayMoments: [],
};

describe.each(DATABASE_KINDS)("Slack channels per queue on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("posts an escalation to the workspace channel and its destination queue's channel, not to other queues'", async () => {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const [everything, billing, sales] = await Promise.all([
      startWebhookReceiver(),
      startWebhookReceiver(),
      startWebhookReceiver(),
    ]);
    cleanups.push(everything.close, billing.close, sales.close);
    const t = await createTestApp(database, { databaseUrl, notifications: loadNotificationConfig({}) });
    cleanups.push(await startJobs({ database, config: t.config, tasks: serverTasks }));
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    const first = await createAgent(database.db, { workspaceId: w, email: "first@example.com", skills: ["technical"] });
    await createAgent(database.db, { workspaceId: w, email: "billing@example.com", tier: 2, skills: ["billing"] });
    const admin = agentClient(t, await t.login());
    await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true });

    const queues = [
      { queue: "billing", webhookUrl: billing.url, events: ["ticket.escalated"] },
      { queue: "sales", webhookUrl: sales.url, events: ["ticket.escalated", "ticket.critical"] },
    ];
    const saved = await admin.put("/api/v1/integrations/slack", {
      webhookUrl: everything.url,
      events: ["ticket.escalated"],
      queues,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ webhookUrl: everything.url, events: ["ticket.escalated"], queues });
    // Saving the workspace channel alone (as older clients do) leaves the queue channels as they were.
    await admin.put("/api/v1/integrations/slack", { webhookUrl: everything.url, events: ["ticket.escalated"] });
    expect((await admin.get("/api/v1/notifications/settings")).body.slack.queues).toEqual(queues);
    const twice = await admin.put("/api/v1/integrations/slack", {
      webhookUrl: null,
      events: [],
      queues: [queues[0], { ...queues[0], webhookUrl: sales.url }],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.issues).toEqual([{ path: "queues", message: "One channel per queue" }]);

    const ticket = await fileTicket(t);
    const agent = agentClient(t, await t.login({ email: first.email, password: AGENT_PASSWORD }));
    await waitFor(async () => (await agent.get(`/api/v1/tickets/${ticket.id}`)).body.assigneeId === first.id, "triage");
    const escalated = await agent.post(`/api/v1/tickets/${ticket.id}/escalations`, { ...handoff, toQueue: "billing" });
    expect(escalated.status).toBe(201);

    await waitFor(() => everything.received.length === 1 && billing.received.length === 1, "both channels");
    await waitFor(() => jobsSettled(database.db), "every post");
    expect(sales.received).toHaveLength(0);
    for (const channel of [everything, billing]) {
      const text = JSON.stringify(JSON.parse(channel.received[0]!.body).blocks);
      expect(text).toContain(handoff.summary);
      expect(text).toContain("queue billing");
      expect(text).toContain(`/console/tickets/${ticket.id}`);
    }
    expect(everything.received).toHaveLength(1);
    expect(billing.received).toHaveLength(1);
  }, 90_000);
});
