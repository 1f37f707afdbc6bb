import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import type { WorkspaceSettings, WorkspaceUpdate } from "../../../shared/admin-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import { getWorkspaceSettings } from "./get-workspace-settings.js";

/** Name and the origins whose pages may use the site keys (replaced as a whole, duplicates dropped). */
export async function updateWorkspace(
  db: Db,
  input: { actor: AgentActor; changes: WorkspaceUpdate },
): Promise<WorkspaceSettings> {
  assertAdmin(input.actor);
  const { name, allowedOrigins } = input.changes;
  await db
    .update(workspaces)
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(allowedOrigins ? { allowedOrigins: [...new Set(allowedOrigins)] } : {}),
    })
    .where(eq(workspaces.id, input.actor.workspaceId));
  return getWorkspaceSettings(db, input);
}
