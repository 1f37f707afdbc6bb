import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";
import { WORKING_STATUSES } from "./list-agents.js";

/**
 * A deactivated agent can no longer log in: the tickets waiting on them go back to routing (the least-loaded agent
 * with the queue's skill at the ticket's tier, or unassigned in its queue), each with its assignment event.
 * Resolved and closed tickets stay theirs (history). Returns how many tickets moved.
 */
export async function releaseAgentTickets(
  db: Db,
  input: { workspaceId: string; agentId: string; actorId: string },
): Promise<number> {
  const waiting = await db
    .select({ id: tickets.id, tier: tickets.tier, queue: tickets.queue })
    .from(tickets)
    .where(
      and(
        eq(tickets.workspaceId, input.workspaceId),
        eq(tickets.assigneeId, input.agentId),
        inArray(tickets.status, [...WORKING_STATUSES]),
      ),
    )
    .orderBy(desc(tickets.priority), asc(tickets.createdAt))
    .for("update");
  if (waiting.length === 0) return 0;
  await lockRouting(db, input.workspaceId);
  for (const ticket of waiting) {
    await routeTicket(db, {
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      tier: ticket.tier,
      queue: ticket.queue,
      excludeAgentIds: [input.agentId],
      previousAgentId: input.agentId,
      actorId: input.actorId,
    });
  }
  return waiting.length;
}
