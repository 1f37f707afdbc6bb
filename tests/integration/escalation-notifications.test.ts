import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { agents } from "../../server/db/schema.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import { loadNotificationConfig } from "../../server/services/notifications/notification-config.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, waitFor } from "../helpers/notify-databases.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { createTestApp } from "../helpers/test-app.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";
import { handoff } from "../helpers/handoff-note.js";

describe.each(DATABASE_KINDS)("an escalation reaches people outside the page on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("posts a signed webhook, a Slack message and an email to the receiving agent, once", async () => {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const [sink, hooks, slack] = await Promise.all([startSmtpSink(), startWebhookReceiver(), startWebhookReceiver()]);
    cleanups.push(sink.close, hooks.close, slack.close);
    const notifications = { ...loadNotificationConfig({}), smtpUrl: sink.url, mailFrom: "support@acme.example" };
    const t = await createTestApp(database, { databaseUrl, notifications });
    cleanups.push(await startJobs({ database, config: t.config, tasks: serverTasks }));
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    const first = await createAgent(database.db, { workspaceId: w, email: "first@example.com", skills: ["technical"] });
    await createAgent(database.db, { workspaceId: w, email: "second@example.com", tier: 2, skills: ["technical"] });
    const admin = agentClient(t, await t.login());
    await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true });
    const slackSet = await admin.put("/api/v1/integrations/slack", {
      webhookUrl: slack.url,
      events: ["ticket.escalated"],
    });
    expect(slackSet.body).toEqual({ webhookUrl: slack.url, events: ["ticket.escalated"], queues: [] });
    const endpoint = (await admin.post("/api/v1/webhooks", { url: hooks.url, events: ["ticket.escalated"] })).body;

    const firstAgent = agentClient(t, await t.login({ email: first.email, password: AGENT_PASSWORD }));
    expect((await firstAgent.put("/api/v1/notifications/me", { email: { bounced: false } })).body).toEqual({
      emailEnabled: true,
      email: { assigned: true, escalated: true, bounced: false, critical: true },
      smtpConfigured: true,
    });
    const ticket = await fileTicket(t);
    await waitFor(() => sink.mails.some((m) => m.envelopeTo.includes("first@example.com")), "the assignment mail");
    const escalated = await firstAgent.post(`/api/v1/tickets/${ticket.id}/escalations`, handoff);
    expect(escalated.status).toBe(201);

    await waitFor(() => hooks.received.length === 1 && slack.received.length === 1, "webhook and Slack");
    const event = new Webhook(endpoint.secret).verify(
      hooks.received[0]!.body,
      hooks.received[0]!.headers as Record<string, string>,
    ) as { type: string; data: { ticket: { id: string } } };
    expect(event.type).toBe("ticket.escalated");
    expect(event.data.ticket.id).toBe(ticket.id);
    const slackText = JSON.stringify(JSON.parse(slack.received[0]!.body).blocks);
    expect(slackText).toContain(handoff.summary);
    expect(slackText).toContain(`/console/tickets/${ticket.id}`);

    const mail = await waitFor(
      () => sink.mails.find((m) => m.envelopeTo.includes("second@example.com")),
      "the escalation mail",
    );
    expect(mail.parsed.subject).toContain("Escalated to you");
    expect(mail.parsed.text).toContain(handoff.summary);
    expect(mail.parsed.text).toContain(handoff.customerGoal);
    expect(mail.raw).toMatch(/^List-Unsubscribe: <http[^>]+\/console\/account>/m);
    // The escalation's own assignment is not mailed twice: the escalation mail says it.
    expect(sink.mails.filter((m) => m.envelopeTo.includes("second@example.com"))).toHaveLength(1);
  }, 90_000);
});
