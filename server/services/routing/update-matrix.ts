import type { AgentActor } from "../../access/actor.js";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { escalationMatrices } from "../../db/schema.js";
import type { Matrix, MatrixUpdate } from "../../../shared/matrix.js";
import { forgetCachedMatrix, getMatrix } from "./get-matrix.js";
import { isUniqueViolation, ServiceError } from "../service-error.js";

/**
 * Saves the rules as a new version recorded with who made it. Admins only. The edit must start from the version
 * in force: two admins saving at once get a 409 instead of silently overwriting each other.
 */
export async function updateMatrix(db: Db, input: { actor: AgentActor; body: MatrixUpdate }): Promise<Matrix> {
  const { actor: agent, body } = input;
  if (agent.role !== "admin") throw new ServiceError("forbidden", "Only admins can change the escalation matrix");
  const current = await getMatrix(db, { actor: agent });
  if (body.baseVersion !== current.version) {
    throw new ServiceError(
      "conflict",
      `The matrix changed (now version ${current.version}); reload and apply your edit again`,
    );
  }
  try {
    await db.transaction(async (tx) => {
      const [latest] = await tx
        .select({ version: escalationMatrices.version })
        .from(escalationMatrices)
        .where(eq(escalationMatrices.workspaceId, agent.workspaceId))
        .orderBy(desc(escalationMatrices.version))
        .limit(1);
      // Version 1 is the shipped default; it is stored on first edit so the history shows where it started.
      if (!latest)
        await tx
          .insert(escalationMatrices)
          .values({ workspaceId: agent.workspaceId, version: 1, rules: current.rules, createdBy: null });
      await tx.insert(escalationMatrices).values({
        workspaceId: agent.workspaceId,
        version: current.version + 1,
        rules: body.rules,
        createdBy: agent.id,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ServiceError("conflict", "Someone else saved the matrix at the same time; reload and try again");
    throw error;
  }
  forgetCachedMatrix(db, agent.workspaceId);
  return getMatrix(db, { actor: agent });
}
