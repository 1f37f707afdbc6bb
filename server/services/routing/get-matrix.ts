import { systemActor, type WorkspaceActor } from "../../access/actor.js";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalationMatrices } from "../../db/schema.js";
import { DEFAULT_MATRIX_RULES } from "../../../shared/default-matrix.js";
import { matrixRulesSchema, SEVERITY_DEFINITIONS, type Matrix } from "../../../shared/matrix.js";

/**
 * The workspace's matrix in force: its highest saved version, or the shipped defaults as version 1 when
 * nobody has edited it yet (so every new workspace starts with the guide's rules).
 */
export async function getMatrix(db: Db, input: { actor: WorkspaceActor }): Promise<Matrix> {
  const [row] = await db
    .select({ matrix: escalationMatrices, author: { id: agents.id, name: agents.name } })
    .from(escalationMatrices)
    .leftJoin(agents, eq(agents.id, escalationMatrices.createdBy))
    .where(eq(escalationMatrices.workspaceId, input.actor.workspaceId))
    .orderBy(desc(escalationMatrices.version))
    .limit(1);
  if (!row) {
    return {
      version: 1,
      rules: DEFAULT_MATRIX_RULES,
      createdBy: null,
      createdAt: null,
      severityDefinitions: SEVERITY_DEFINITIONS,
    };
  }
  // Saved rules were validated on the way in; parse again so older shapes get today's defaults.
  const parsed = matrixRulesSchema.safeParse(row.matrix.rules);
  return {
    version: row.matrix.version,
    rules: parsed.success ? parsed.data : DEFAULT_MATRIX_RULES,
    createdBy: row.author?.id ? { id: row.author.id, name: row.author.name } : null,
    createdAt: row.matrix.createdAt.toISOString(),
    severityDefinitions: SEVERITY_DEFINITIONS,
  };
}

/**
 * The matrix for triage on the ingest path, remembered for a moment per workspace: every new ticket needs it, and it
 * changes only when an admin saves a version. A save through this process is seen at once (forgetCachedMatrix); one
 * through another process within TTL_MS, and the ticket's triage names the version it used.
 */
const TTL_MS = 2_000;
const cachedMatrices = new WeakMap<Db, Map<string, { matrix: Matrix; until: number }>>();

export async function getCachedMatrix(db: Db, input: { workspaceId: string }): Promise<Matrix> {
  let cache = cachedMatrices.get(db);
  if (!cache) {
    cache = new Map();
    cachedMatrices.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(input.workspaceId);
  if (hit && hit.until > now) return hit.matrix;
  const matrix = await getMatrix(db, { actor: systemActor(input.workspaceId) });
  if (cache.size >= 10_000) cache.clear();
  cache.set(input.workspaceId, { matrix, until: now + TTL_MS });
  return matrix;
}

export function forgetCachedMatrix(db: Db, workspaceId: string): void {
  cachedMatrices.get(db)?.delete(workspaceId);
}
