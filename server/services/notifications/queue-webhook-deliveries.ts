import { and, arrayContains, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema-notifications.js";
import { addJob } from "../../jobs/add-job.js";

export const DELIVER_WEBHOOK = "webhooks.deliver";
export const newMessageId = () => `msg_${randomBytes(12).toString("base64url")}`;

/** Whether any enabled endpoint of the workspace subscribed to this event type (what queueWebhookDeliveries reads). */
export async function hasWebhookSubscriber(db: Db, workspaceId: string, eventType: string): Promise<boolean> {
  const rows = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(subscribedTo(workspaceId, eventType))
    .limit(1);
  return rows.length > 0;
}

const subscribedTo = (workspaceId: string, eventType: string) =>
  and(
    eq(webhookEndpoints.workspaceId, workspaceId),
    eq(webhookEndpoints.enabled, true),
    arrayContains(webhookEndpoints.events, [eventType]),
  );

/** One delivery (and its job) per enabled endpoint of the workspace that subscribed to this event type. */
export async function queueWebhookDeliveries(
  db: Db,
  input: { workspaceId: string; eventType: string; payload: Record<string, unknown>; endpointId?: string },
): Promise<string[]> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      input.endpointId
        ? and(eq(webhookEndpoints.workspaceId, input.workspaceId), eq(webhookEndpoints.id, input.endpointId))
        : subscribedTo(input.workspaceId, input.eventType),
    );
  if (endpoints.length === 0) return [];
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const endpoint of endpoints) {
      const [row] = await tx
        .insert(webhookDeliveries)
        .values({
          endpointId: endpoint.id,
          workspaceId: input.workspaceId,
          messageId: newMessageId(),
          eventType: input.eventType,
          payload: input.payload,
        })
        .returning({ id: webhookDeliveries.id });
      await addJob(tx, DELIVER_WEBHOOK, { workspaceId: input.workspaceId, deliveryId: row!.id });
      ids.push(row!.id);
    }
    return ids;
  });
}
