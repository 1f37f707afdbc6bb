import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { WebhookEndpointView, WebhookUpdateInput } from "../../../shared/notifications-api.js";
import type { Db } from "../../db/client.js";
import { webhookEndpoints } from "../../db/schema-notifications.js";
import { newWebhookSecret } from "./create-webhook-endpoint.js";
import { findWebhookEndpoint } from "./find-webhook-endpoint.js";
import { endpointView } from "./webhook-view.js";

/** Changes an endpoint; re-enabling clears the failure count; rotating returns the new secret once. */
export async function updateWebhookEndpoint(
  db: Db,
  input: { actor: AgentActor; endpointId: string; changes: WebhookUpdateInput },
): Promise<WebhookEndpointView & { secret?: string }> {
  const current = await findWebhookEndpoint(db, input.actor, input.endpointId);
  const { changes } = input;
  const secret = changes.rotateSecret ? newWebhookSecret() : undefined;
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...(changes.url !== undefined ? { url: changes.url } : {}),
      ...(changes.events !== undefined ? { events: changes.events } : {}),
      ...(changes.description !== undefined ? { description: changes.description || null } : {}),
      ...(changes.enabled !== undefined
        ? { enabled: changes.enabled, ...(changes.enabled ? { disabledReason: null, consecutiveFailures: 0 } : {}) }
        : {}),
      ...(secret ? { secret, previousSecret: current.secret } : {}),
    })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  return { ...endpointView(row!), ...(secret ? { secret } : {}) };
}
