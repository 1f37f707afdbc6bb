import type { AgentActor } from "../../access/actor.js";
import { randomBytes } from "node:crypto";
import type { WebhookCreateInput, WebhookEndpointView } from "../../../shared/notifications-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { Db } from "../../db/client.js";
import { webhookEndpoints } from "../../db/schema-notifications.js";
import { endpointView } from "./webhook-view.js";

/** A Standard Webhooks secret: whsec_ + base64 of 24 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** Adds an endpoint; the secret is returned here only (shown once). */
export async function createWebhookEndpoint(
  db: Db,
  input: { actor: AgentActor; endpoint: WebhookCreateInput },
): Promise<WebhookEndpointView & { secret: string }> {
  assertAdmin(input.actor);
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      workspaceId: input.actor.workspaceId,
      url: input.endpoint.url,
      events: input.endpoint.events,
      description: input.endpoint.description || null,
      secret,
    })
    .returning();
  return { ...endpointView(row!), secret };
}
