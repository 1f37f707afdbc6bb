import type { WorkspaceActor } from "../../access/actor.js";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents } from "../../db/schema.js";
import type { AgentListItem } from "../../../shared/admin-api.js";
import { toAgent } from "./agent-view.js";

export const toAgentListItem = (row: typeof agents.$inferSelect): AgentListItem => ({
  ...toAgent(row),
  active: row.active,
  available: row.available,
});

/** Every agent of the workspace (for assigning, and for admins to manage), by name. */
export async function listAgents(db: Db, input: { actor: WorkspaceActor }): Promise<{ agents: AgentListItem[] }> {
  const rows = await db
    .select()
    .from(agents)
    .where(eq(agents.workspaceId, input.actor.workspaceId))
    .orderBy(asc(agents.name));
  return { agents: rows.map(toAgentListItem) };
}
