import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents } from "../../db/schema.js";
import type { QueueList } from "../../../shared/escalation-api.js";
import { TRIAGE_QUEUE } from "../../../shared/matrix.js";
import { getMatrix } from "../routing/get-matrix.js";

/**
 * The workspace's queues: every queue the matrix routes to and every skill an active agent has, with how many
 * active agents can take it, in all and per tier (0 at a tier means a ticket sent there at that tier waits
 * unassigned). Triage is not a destination.
 */
export async function listQueues(db: Db, input: { actor: WorkspaceActor }): Promise<QueueList> {
  const matrix = await getMatrix(db, input);
  const staff = await db
    .select({ skills: agents.skills, tier: agents.tier })
    .from(agents)
    .where(and(eq(agents.workspaceId, input.actor.workspaceId), eq(agents.active, true)));
  const queues = new Map<string, { agents: number; agentsByTier: number[]; fromMatrix: boolean }>();
  const empty = (fromMatrix: boolean) => ({ agents: 0, agentsByTier: [0, 0, 0], fromMatrix });
  for (const rule of matrix.rules) {
    if (rule.then.queue) queues.set(rule.then.queue, empty(true));
  }
  for (const { skills, tier } of staff) {
    for (const skill of skills) {
      const entry = queues.get(skill) ?? empty(false);
      entry.agents += 1;
      if (tier >= 1 && tier <= 3) entry.agentsByTier[tier - 1]! += 1;
      queues.set(skill, entry);
    }
  }
  queues.delete(TRIAGE_QUEUE);
  return {
    queues: [...queues.entries()].map(([name, q]) => ({ name, ...q })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
