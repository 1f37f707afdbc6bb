import { Hono } from "hono";
import { webhookCreateSchema, webhookUpdateSchema } from "../../shared/notifications-api.js";
import type { AppEnv } from "../env.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { createWebhookEndpoint } from "../services/notifications/create-webhook-endpoint.js";
import { deleteWebhookEndpoint } from "../services/notifications/delete-webhook-endpoint.js";
import { listWebhookDeliveries } from "../services/notifications/list-webhook-deliveries.js";
import { listWebhookEndpoints } from "../services/notifications/list-webhook-endpoints.js";
import { redeliverWebhook } from "../services/notifications/redeliver-webhook.js";
import { sendTestWebhook } from "../services/notifications/send-test-webhook.js";
import { updateWebhookEndpoint } from "../services/notifications/update-webhook-endpoint.js";
import { readJson } from "./body.js";
import { uuidParam } from "./params.js";

/** /api/v1/webhooks: an admin's endpoints, their delivery log and redelivery. */
export function webhookRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => c.json(await listWebhookEndpoints(c.get("db"), { actor: c.get("actor") })));

  app.post("/", async (c) => {
    const endpoint = await readJson(c, webhookCreateSchema, 8 * 1024);
    return c.json(await createWebhookEndpoint(c.get("db"), { actor: c.get("actor"), endpoint }), 201);
  });

  app.patch("/:id", async (c) => {
    const endpointId = uuidParam(c, "id", "Webhook endpoint");
    const changes = await readJson(c, webhookUpdateSchema, 8 * 1024);
    return c.json(await updateWebhookEndpoint(c.get("db"), { actor: c.get("actor"), endpointId, changes }));
  });

  app.delete("/:id", async (c) => {
    const endpointId = uuidParam(c, "id", "Webhook endpoint");
    await deleteWebhookEndpoint(c.get("db"), { actor: c.get("actor"), endpointId });
    return c.body(null, 204);
  });

  app.post("/:id/test", async (c) => {
    const endpointId = uuidParam(c, "id", "Webhook endpoint");
    return c.json(await sendTestWebhook(c.get("db"), { actor: c.get("actor"), endpointId }), 202);
  });

  app.get("/:id/deliveries", async (c) => {
    const endpointId = uuidParam(c, "id", "Webhook endpoint");
    return c.json(await listWebhookDeliveries(c.get("db"), { actor: c.get("actor"), endpointId }));
  });

  app.post("/:id/deliveries/:deliveryId/redeliver", async (c) => {
    const endpointId = uuidParam(c, "id", "Webhook endpoint");
    const deliveryId = uuidParam(c, "deliveryId", "Delivery");
    return c.json(await redeliverWebhook(c.get("db"), { actor: c.get("actor"), endpointId, deliveryId }), 202);
  });
  return app;
}
