import type { AgentActor } from "../../access/actor.js";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { siteKeys, workspaces } from "../../db/schema.js";
import { assertAdmin } from "../../access/admin-only.js";
import { notFound, ServiceError } from "../service-error.js";

/** Widgets using the key stop working at once; the workspace's first key stays (the demo and docs use it). */
export async function revokeSiteKey(db: Db, input: { actor: AgentActor; key: string }): Promise<void> {
  assertAdmin(input.actor);
  const workspaceId = input.actor.workspaceId;
  const [primary] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.siteKey, input.key)))
    .limit(1);
  if (primary) throw new ServiceError("conflict", "The workspace's default site key cannot be revoked");
  const revoked = await db
    .update(siteKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(siteKeys.key, input.key), eq(siteKeys.workspaceId, workspaceId), isNull(siteKeys.revokedAt)))
    .returning({ key: siteKeys.key });
  if (revoked.length === 0) throw notFound("Site key");
}
