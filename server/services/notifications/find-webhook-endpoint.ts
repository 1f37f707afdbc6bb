import type { AgentActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import { assertAdmin } from "../../access/admin-only.js";
import type { Db } from "../../db/client.js";
import { webhookEndpoints } from "../../db/schema-notifications.js";
import { notFound } from "../service-error.js";

/** The admin's own workspace's endpoint; another workspace's is 404. */
export async function findWebhookEndpoint(db: Db, actor: AgentActor, endpointId: string) {
  assertAdmin(actor);
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.workspaceId, actor.workspaceId)));
  if (!row) throw notFound("Webhook endpoint");
  return row;
}
