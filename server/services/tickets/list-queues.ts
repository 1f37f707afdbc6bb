import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents } from "../../db/schema.js";
import type { QueueList } from "../../../shared/escalation-api.js";
import { TRIAGE_QUEUE } from "../../../shared/matrix.js";
import { getMatrix } from "../routing/get-matrix.js";

/**
 * The workspace's queues: every queue the matrix routes to and every skill an active agent has, with how many
 * active agents can take it (0 means a ticket sent there waits unassigned). Triage is not a destination.
 */
export async function listQueues(db: Db, input: { actor: WorkspaceActor }): Promise<QueueList> {
  const matrix = await getMatrix(db, input);
  const staff = await db
    .select({ skills: agents.skills })
    .from(agents)
    .where(and(eq(agents.workspaceId, input.actor.workspaceId), eq(agents.active, true)));
  const queues = new Map<string, { agents: number; fromMatrix: boolean }>();
  for (const rule of matrix.rules) {
    if (rule.then.queue) queues.set(rule.then.queue, { agents: 0, fromMatrix: true });
  }
  for (const { skills } of staff) {
    for (const skill of skills) {
      const entry = queues.get(skill) ?? { agents: 0, fromMatrix: false };
      entry.agents += 1;
      queues.set(skill, entry);
    }
  }
  queues.delete(TRIAGE_QUEUE);
  return {
    queues: [...queues.entries()].map(([name, q]) => ({ name, ...q })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
