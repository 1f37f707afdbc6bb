import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { webhookEndpoints } from "../../db/schema-notifications.js";
import { findWebhookEndpoint } from "./find-webhook-endpoint.js";

/** Removes an endpoint with its delivery log; a queued delivery job then finds nothing and ends. */
export async function deleteWebhookEndpoint(db: Db, input: { actor: AgentActor; endpointId: string }): Promise<void> {
  const endpoint = await findWebhookEndpoint(db, input.actor, input.endpointId);
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
}
