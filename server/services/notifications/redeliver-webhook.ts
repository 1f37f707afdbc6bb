import type { AgentActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { WebhookDeliveryView } from "../../../shared/notifications-api.js";
import type { Db } from "../../db/client.js";
import { webhookDeliveries } from "../../db/schema-notifications.js";
import { addJob } from "../../jobs/add-job.js";
import { notFound } from "../service-error.js";
import { findWebhookEndpoint } from "./find-webhook-endpoint.js";
import { DELIVER_WEBHOOK } from "./queue-webhook-deliveries.js";
import { deliveryView } from "./webhook-view.js";

/** Sends a logged delivery again, once, with the same webhook-id (a receiver deduplicates on it). */
export async function redeliverWebhook(
  db: Db,
  input: { actor: AgentActor; endpointId: string; deliveryId: string },
): Promise<WebhookDeliveryView> {
  const endpoint = await findWebhookEndpoint(db, input.actor, input.endpointId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: new Date() })
      .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)))
      .returning();
    if (!row) throw notFound("Delivery");
    await addJob(tx, DELIVER_WEBHOOK, { workspaceId: endpoint.workspaceId, deliveryId: row.id, once: true });
    return deliveryView(row);
  });
}
