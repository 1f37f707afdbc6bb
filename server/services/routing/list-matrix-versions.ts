import type { WorkspaceActor } from "../../access/actor.js";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalationMatrices } from "../../db/schema.js";

/** Who changed the matrix and when, newest first. */
export async function listMatrixVersions(db: Db, input: { actor: WorkspaceActor }) {
  const rows = await db
    .select({
      version: escalationMatrices.version,
      ruleCount: sql<number>`jsonb_array_length(${escalationMatrices.rules})::int`,
      authorId: agents.id,
      authorName: agents.name,
      createdAt: escalationMatrices.createdAt,
    })
    .from(escalationMatrices)
    .leftJoin(agents, eq(agents.id, escalationMatrices.createdBy))
    .where(eq(escalationMatrices.workspaceId, input.actor.workspaceId))
    .orderBy(desc(escalationMatrices.version));
  return {
    versions: rows.map((r) => ({
      version: r.version,
      ruleCount: r.ruleCount,
      createdBy: r.authorId ? { id: r.authorId, name: r.authorName ?? "" } : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
