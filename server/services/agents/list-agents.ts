import type { WorkspaceActor } from "../../access/actor.js";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, tickets } from "../../db/schema.js";
import type { AgentListItem } from "../../../shared/admin-api.js";
import { toAgent } from "./agent-view.js";

/** The statuses in which a ticket waits on its assignee. */
export const WORKING_STATUSES = ["open", "pending", "escalated"] as const;

export const toAgentListItem = (row: typeof agents.$inferSelect, openTickets = 0): AgentListItem => ({
  ...toAgent(row),
  active: row.active,
  available: row.available,
  openTickets,
});

/** How many tickets wait on each of these agents. */
export async function countOpenTickets(db: Db, workspaceId: string, agentIds: string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .select({ agentId: tickets.assigneeId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.workspaceId, workspaceId),
        inArray(tickets.assigneeId, agentIds),
        inArray(tickets.status, [...WORKING_STATUSES]),
      ),
    )
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.agentId!, Number(r.n)]));
}

/** Every agent of the workspace (for assigning, and for admins to manage), by name. */
export async function listAgents(db: Db, input: { actor: WorkspaceActor }): Promise<{ agents: AgentListItem[] }> {
  const rows = await db
    .select()
    .from(agents)
    .where(eq(agents.workspaceId, input.actor.workspaceId))
    .orderBy(asc(agents.name));
  const open = await countOpenTickets(
    db,
    input.actor.workspaceId,
    rows.map((r) => r.id),
  );
  return { agents: rows.map((row) => toAgentListItem(row, open.get(row.id) ?? 0)) };
}
