import type { AgentActor } from "../../access/actor.js";
import { desc, eq } from "drizzle-orm";
import type { WebhookDeliveryView } from "../../../shared/notifications-api.js";
import type { Db } from "../../db/client.js";
import { webhookDeliveries } from "../../db/schema-notifications.js";
import { findWebhookEndpoint } from "./find-webhook-endpoint.js";
import { deliveryView } from "./webhook-view.js";

/** The endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(
  db: Db,
  input: { actor: AgentActor; endpointId: string; limit?: number },
): Promise<WebhookDeliveryView[]> {
  const endpoint = await findWebhookEndpoint(db, input.actor, input.endpointId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(input.limit ?? 50);
  return rows.map(deliveryView);
}
