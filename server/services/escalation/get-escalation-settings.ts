import type { WorkspaceActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import { readEscalationSettings, type EscalationSettings } from "../../../shared/escalation-settings.js";
import { notFound } from "../service-error.js";

/** The workspace's escalation thresholds, defaults filled in. */
export async function getEscalationSettings(db: Db, input: { actor: WorkspaceActor }): Promise<EscalationSettings> {
  const [row] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, input.actor.workspaceId))
    .limit(1);
  if (!row) throw notFound("Workspace");
  return readEscalationSettings(row.settings);
}
