import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalationMatrices } from "../../db/schema.js";
import { DEFAULT_MATRIX_RULES, matrixRulesSchema, SEVERITY_DEFINITIONS, type Matrix } from "../../../shared/matrix.js";

/**
 * The workspace's matrix in force: its highest saved version, or the shipped defaults as version 1 when
 * nobody has edited it yet (so every new workspace starts with the guide's rules).
 */
export async function getMatrix(db: Db, input: { workspaceId: string }): Promise<Matrix> {
  const [row] = await db
    .select({ matrix: escalationMatrices, author: { id: agents.id, name: agents.name } })
    .from(escalationMatrices)
    .leftJoin(agents, eq(agents.id, escalationMatrices.createdBy))
    .where(eq(escalationMatrices.workspaceId, input.workspaceId))
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
