import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { agents } from "../../server/db/schema.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import { loadNotificationConfig } from "../../server/services/notifications/notification-config.js";
import { webhookEventTypes } from "../../shared/notifications-api.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, waitFor } from "../helpers/notify-databases.js";
import { createTestApp } from "../helpers/test-app.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";
import { handoff } from "../helpers/handoff-note.js";
import { postCustomerFeedback } from "../helpers/customer-feedback.js";

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document of any shape
type Json = Record<string, any>;

/** The body schema the OpenAPI document gives a webhook event, as a validator (JSON Schema read back by zod). */
const bodySchemaOf = (doc: Json, type: string) =>
  z.fromJSONSchema(doc.webhooks[type].post.requestBody.content["application/json"].schema);

describe.each(DATABASE_KINDS)("webhook payloads match the OpenAPI document on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("documents every event with its Standard Webhooks headers and an example that fits its schema", async () => {
    const { database } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const t = await createTestApp(database);
    const doc = (await (await t.request("/api/v1/openapi.json")).json()) as Json;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...webhookEventTypes].sort());
    for (const type of webhookEventTypes) {
      const op = doc.webhooks[type].post;
      expect(op.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([
        ["webhook-id", "header", true],
        ["webhook-timestamp", "header", true],
        ["webhook-signature", "header", true],
      ]);
      const { example } = op.requestBody.content["application/json"];
      expect(example.type).toBe(type);
      const parsed = bodySchemaOf(doc, type).safeParse(example);
      expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      // Not a schema that takes anything: another event's body does not pass.
      const other = webhookEventTypes.find((o) => o !== type)!;
      expect(
        bodySchemaOf(doc, type).safeParse(doc.webhooks[other].post.requestBody.content["application/json"].example)
          .success,
      ).toBe(false);
    }
    const page = await (await t.request("/docs")).text();
    for (const type of webhookEventTypes) expect(page).toContain(`<code>${type}</code>`);
  });

  it("delivers, for a ticket's whole life, bodies that validate against the document", async () => {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const notifications = { ...loadNotificationConfig({}), webhookRetrySeconds: [0.2, 0.2] };
    const t = await createTestApp(database, { databaseUrl, notifications });
    cleanups.push(await startJobs({ database, config: t.config, tasks: serverTasks }));
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    const first = await createAgent(database.db, { workspaceId: w, email: "first@example.com", skills: ["technical"] });
    const second = await createAgent(database.db, {
      workspaceId: w,
      email: "second@example.com",
      tier: 2,
      skills: ["technical"],
    });
    const admin = agentClient(t, await t.login());
    const firstAgent = agentClient(t, await t.login({ email: first.email, password: AGENT_PASSWORD }));
    const secondAgent = agentClient(t, await t.login({ email: second.email, password: AGENT_PASSWORD }));
    expect((await admin.patch("/api/v1/notifications/settings", { allowPrivateTargets: true })).status).toBe(200);
    const endpoint = (await admin.post("/api/v1/webhooks", { url: receiver.url, events: [...webhookEventTypes] })).body;
    const doc = (await (await t.request("/api/v1/openapi.json")).json()) as Json;

    // Created, triaged, assigned; a reply; escalated and bounced back; escalated again, resolved; the customer's answer.
    const ticket = await fileTicket(t);
    await waitFor(
      async () => (await admin.get(`/api/v1/tickets/${ticket.id}`)).body.assigneeId === first.id,
      "routing",
    );
    expect((await firstAgent.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "Looking into it" })).status).toBe(
      201,
    );
    const escalation = await firstAgent.post(`/api/v1/tickets/${ticket.id}/escalations`, handoff);
    expect(escalation.status).toBe(201);
    const bounced = await secondAgent.post(`/api/v1/tickets/${ticket.id}/escalations/${escalation.body.id}/bounce`, {
      reason: "The replay shows a typo in the export filter; tier 1 can fix it",
    });
    expect(bounced.status).toBe(200);
    expect((await firstAgent.post(`/api/v1/tickets/${ticket.id}/escalations`, handoff)).status).toBe(201);
    expect((await admin.patch(`/api/v1/tickets/${ticket.id}`, { status: "resolved" })).status).toBe(200);
    const answered = await postCustomerFeedback(t, ticket.id, {
      repeatedThemselves: false,
      peopleTalkedTo: 2,
      resolvedInReasonableTime: true,
    });
    expect(answered.status).toBe(201);

    const types = () => new Set(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type));
    await waitFor(() => webhookEventTypes.every((type) => types().has(type)), "one delivery of every event type");
    const hook = new Webhook(endpoint.secret);
    for (const delivery of receiver.received) {
      const body = hook.verify(delivery.body, delivery.headers as Record<string, string>) as { type: string };
      const parsed = bodySchemaOf(doc, body.type).safeParse(body);
      expect(parsed.success, `${body.type}: ${JSON.stringify(parsed.error?.issues)} in ${delivery.body}`).toBe(true);
    }
  }, 120_000);
});
