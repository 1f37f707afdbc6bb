import type { AgentActor } from "../../access/actor.js";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import type { EscalationSettings } from "../../../shared/escalation-settings.js";
import { assertAdmin } from "../../access/admin-only.js";
import { getEscalationSettings } from "./get-escalation-settings.js";

/** Admins set the thresholds; only workspaces.settings.escalation changes, the other settings stay as they are. */
export async function updateEscalationSettings(
  db: Db,
  input: { actor: AgentActor; settings: EscalationSettings },
): Promise<EscalationSettings> {
  assertAdmin(input.actor);
  const workspaceId = input.actor.workspaceId;
  const stored = {
    ...input.settings,
    changedBy: { id: input.actor.id, name: input.actor.name },
    changedAt: new Date().toISOString(),
  };
  await db
    .update(workspaces)
    .set({
      settings: sql`jsonb_set(coalesce(${workspaces.settings}, '{}'::jsonb), '{escalation}', ${JSON.stringify(stored)}::jsonb)`,
    })
    .where(eq(workspaces.id, workspaceId));
  return getEscalationSettings(db, { actor: input.actor });
}
