import type { AgentActor } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import { findWebhookEndpoint } from "./find-webhook-endpoint.js";
import { queueWebhookDeliveries } from "./queue-webhook-deliveries.js";

/** Queues a webhook.test event to this endpoint (whatever it subscribed to), to check the receiver's setup. */
export async function sendTestWebhook(
  db: Db,
  input: { actor: AgentActor; endpointId: string },
): Promise<{ deliveryId: string }> {
  const endpoint = await findWebhookEndpoint(db, input.actor, input.endpointId);
  const [deliveryId] = await queueWebhookDeliveries(db, {
    workspaceId: endpoint.workspaceId,
    endpointId: endpoint.id,
    eventType: "webhook.test",
    payload: {
      type: "webhook.test",
      timestamp: new Date().toISOString(),
      data: { workspaceId: endpoint.workspaceId, endpointId: endpoint.id, sentBy: input.actor.email },
    },
  });
  return { deliveryId: deliveryId! };
}
