import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import {
  loadNotificationConfig,
  type NotificationConfig,
} from "../../server/services/notifications/notification-config.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, waitFor } from "../helpers/notify-databases.js";
import { createTestApp } from "../helpers/test-app.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";

describe.each(DATABASE_KINDS)("webhooks on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(respond?: (n: number) => number, extra: Partial<NotificationConfig> = {}) {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const notifications = { ...loadNotificationConfig({}), webhookRetrySeconds: [0.2, 0.2, 0.2], ...extra };
    const t = await createTestApp(database, { databaseUrl, notifications });
    const stopJobs = await startJobs({ database, config: t.config, tasks: serverTasks });
    cleanups.push(stopJobs);
    const receiver = await startWebhookReceiver(respond);
    cleanups.push(receiver.close);
    const admin = agentClient(t, await t.login());
    return { t, admin, receiver };
  }

  const deliveriesOf = async (admin: ReturnType<typeof agentClient>, id: string) =>
    (await admin.get(`/api/v1/webhooks/${id}/deliveries`)).body as Array<Record<string, unknown>>;

  it("refuses loopback targets until an admin allows private addresses", async () => {
    const { admin, receiver } = await setup();
    for (const url of [receiver.url, `http://localhost:${receiver.port}/hooks`]) {
      const created = await admin.post("/api/v1/webhooks", { url, events: ["ticket.created"] });
      expect(created.status).toBe(201);
      await admin.post(`/api/v1/webhooks/${created.body.id}/test`, {});
      const [delivery] = await waitFor(async () => {
        const list = await deliveriesOf(admin, created.body.id);
        return list[0]?.status === "failed" && list;
      }, "the refused delivery");
      expect(delivery!.lastError).toMatch(/Refused: (127\.0\.0\.1|::1) is a private/);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("signs each event with the endpoint's secret and sends public replies, never internal notes", async () => {
    const { t, admin, receiver } = await setup();
    expect((await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true })).status).toBe(200);
    const created = await admin.post("/api/v1/webhooks", {
      url: receiver.url,
      events: ["ticket.created", "message.created"],
      description: "CRM sync",
    });
    expect(created.body.secret).toMatch(/^whsec_/);
    expect((await admin.get("/api/v1/webhooks")).body[0]).not.toHaveProperty("secret");
    const ticket = await fileTicket(t);
    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: "Internal: looks like the S3 outage",
      internal: true,
    });
    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "We are on it, Jamie." });
    await waitFor(() => receiver.received.length === 2, "two webhooks");
    const wh = new Webhook(created.body.secret);
    type Event = { type: string; timestamp: string; data: { ticket: object; message?: { body: string } } };
    // Deliveries run in parallel and may arrive in any order (as Stripe's and Svix's do): the event's own timestamp,
    // the time it happened, is what orders them, and a receiver sorts on it.
    const events = receiver.received
      .map((r) => wh.verify(r.body, r.headers as Record<string, string>) as Event)
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    expect(events.map((e) => e.type)).toEqual(["ticket.created", "message.created"]);
    expect(Date.parse(events[0]!.timestamp)).toBeLessThan(Date.parse(events[1]!.timestamp));
    expect(events[0]!.data.ticket).toMatchObject({ id: ticket.id, reference: ticket.reference });
    expect(events[1]!.data.message?.body).toBe("We are on it, Jamie.");
    expect(receiver.received.map((r) => r.body).join()).not.toContain("S3 outage");
    expect(() =>
      new Webhook(`whsec_${Buffer.from("x".repeat(24)).toString("base64")}`).verify(
        receiver.received[0]!.body,
        receiver.received[0]!.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it("retries a failing receiver with the same webhook-id until one delivery succeeds, and redelivers on demand", async () => {
    const { t, admin, receiver } = await setup((n) => (n < 2 ? 503 : 200));
    await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true });
    const created = await admin.post("/api/v1/webhooks", { url: receiver.url, events: ["ticket.created"] });
    await fileTicket(t);
    const [delivery] = await waitFor(async () => {
      const list = await deliveriesOf(admin, created.body.id);
      return list[0]?.status === "succeeded" && list;
    }, "the delivery to succeed");
    expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200, responseExcerpt: "thanks", lastError: null });
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
    expect(ids).toEqual(new Set([delivery!.messageId]));
    const wh = new Webhook(created.body.secret);
    for (const r of receiver.received) wh.verify(r.body, r.headers as Record<string, string>);

    const again = await admin.post(`/api/v1/webhooks/${created.body.id}/deliveries/${delivery!.id}/redeliver`, {});
    expect(again.status).toBe(202);
    await waitFor(() => receiver.received.length === 4, "the redelivery");
    expect(receiver.received[3]!.headers["webhook-id"]).toBe(delivery!.messageId);
  });

  it("keeps webhooks admin-only and scoped to the workspace", async () => {
    const { t, admin } = await setup();
    await admin.post("/api/v1/agents", { email: "sam@example.com", name: "Sam", password: "sam's long password" });
    const agent = agentClient(t, await t.login({ email: "sam@example.com", password: "sam's long password" }));
    expect((await agent.get("/api/v1/webhooks")).status).toBe(403);
    expect((await admin.post("/api/v1/webhooks", { url: "ftp://x.example", events: [] })).status).toBe(422);
  });

  it("switches off an endpoint that keeps failing and tells the admins by email", async () => {
    const sink = await startSmtpSink();
    cleanups.push(sink.close);
    const { t, admin, receiver } = await setup(() => 500, {
      smtpUrl: sink.url,
      webhookRetrySeconds: Array.from({ length: 30 }, () => 0),
    });
    await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true });
    const created = await admin.post("/api/v1/webhooks", { url: receiver.url, events: ["ticket.created"] });
    await fileTicket(t);
    const [endpoint] = await waitFor(async () => {
      const list = (await admin.get("/api/v1/webhooks")).body as Array<{ enabled: boolean; disabledReason: string }>;
      return list[0]?.enabled === false && list;
    }, "the endpoint to be disabled");
    expect(endpoint!.disabledReason).toMatch(/^Disabled after 20 failed attempts in a row: Endpoint answered 500/);
    expect(receiver.received).toHaveLength(20);
    const mail = await waitFor(
      () => sink.mails.find((m) => m.parsed.subject?.startsWith("Webhook endpoint disabled")),
      "the admins' email",
    );
    expect(mail.envelopeTo).toEqual(["admin@example.com"]);
    // The retry already queued finds the endpoint off and closes the delivery without sending.
    const [delivery] = await waitFor(async () => {
      const list = await deliveriesOf(admin, created.body.id);
      return list[0]?.status === "failed" && list;
    }, "the delivery to close");
    expect(delivery).toMatchObject({ attempts: 20, lastError: "Endpoint disabled" });
  });
});
