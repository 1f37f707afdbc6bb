import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import type { ErrorIssue } from "../../../shared/errors.js";
import { priorModel } from "../routing/classifier/routing-model.js";
import { listQueues } from "./list-queues.js";

/**
 * A queue a ticket may be sent to: a matrix destination, an active agent's skill, a queue routing itself picks
 * (e.g. security, general) or one a ticket already has. Anything else (a typo over the API) would park the ticket
 * where nobody looks; the console offers exactly these names. Escalation and PATCH both ask here.
 */
export async function isKnownQueue(db: Db, actor: WorkspaceActor, queue: string): Promise<boolean> {
  const { queues } = await listQueues(db, { actor });
  if (queues.some((q) => q.name === queue) || priorModel().queue.labels.includes(queue)) return true;
  const [used] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.workspaceId, actor.workspaceId), eq(tickets.queue, queue)))
    .limit(1);
  return Boolean(used);
}

/** The 422 issue for an unknown queue on `path`, or null when the queue is known. */
export async function unknownQueueIssue(
  db: Db,
  actor: WorkspaceActor,
  path: string,
  queue: string,
): Promise<ErrorIssue | null> {
  return (await isKnownQueue(db, actor, queue)) ? null : { path, message: `no queue "${queue}" in this workspace` };
}
