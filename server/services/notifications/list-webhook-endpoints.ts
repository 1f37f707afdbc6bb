import type { AgentActor } from "../../access/actor.js";
import { asc, eq } from "drizzle-orm";
import type { WebhookEndpointView } from "../../../shared/notifications-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { Db } from "../../db/client.js";
import { webhookEndpoints } from "../../db/schema-notifications.js";
import { endpointView } from "./webhook-view.js";

export async function listWebhookEndpoints(db: Db, input: { actor: AgentActor }): Promise<WebhookEndpointView[]> {
  assertAdmin(input.actor);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, input.actor.workspaceId))
    .orderBy(asc(webhookEndpoints.createdAt));
  return rows.map(endpointView);
}
