import type { AgentActor } from "../../access/actor.js";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { siteKeys, workspaces } from "../../db/schema.js";
import { refusedOrigins } from "../../db/schema-hardening.js";
import { originAllowed, type WorkspaceSettings } from "../../../shared/admin-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import { notFound } from "../service-error.js";

/** Site keys, allowed origins (and refused ones), and the identity secret: admins only (the secret signs customer identities). */
export async function getWorkspaceSettings(db: Db, input: { actor: AgentActor }): Promise<WorkspaceSettings> {
  assertAdmin(input.actor);
  const workspaceId = input.actor.workspaceId;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!workspace) throw notFound("Workspace");
  const extra = await db
    .select()
    .from(siteKeys)
    .where(eq(siteKeys.workspaceId, workspaceId))
    .orderBy(asc(siteKeys.createdAt));
  const refused = await db
    .select()
    .from(refusedOrigins)
    .where(
      and(eq(refusedOrigins.workspaceId, workspaceId), gt(refusedOrigins.lastSeenAt, sql`now() - interval '30 days'`)),
    )
    .orderBy(desc(refusedOrigins.lastSeenAt));
  return {
    id: workspace.id,
    name: workspace.name,
    allowedOrigins: workspace.allowedOrigins,
    refusedOrigins: refused
      .filter((r) => !originAllowed(workspace.allowedOrigins, r.origin))
      .map((r) => ({
        origin: r.origin,
        refusals: r.refusals,
        firstSeenAt: r.firstSeenAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
      })),
    identitySecret: workspace.identitySecret,
    siteKeys: [
      {
        key: workspace.siteKey,
        label: "Default",
        primary: true,
        createdAt: workspace.createdAt.toISOString(),
        revokedAt: null,
      },
      ...extra.map((k) => ({
        key: k.key,
        label: k.label,
        primary: false,
        createdAt: k.createdAt.toISOString(),
        revokedAt: k.revokedAt?.toISOString() ?? null,
      })),
    ],
  };
}
