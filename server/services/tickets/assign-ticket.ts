import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, tickets } from "../../db/schema.js";
import { recordEvent } from "./record-event.js";

export interface RoutingTarget {
  workspaceId: string;
  tier: number;
  queue: string | null;
  /** e.g. the agent who escalated: the ticket must move to someone else. */
  excludeAgentIds?: string[];
}

/**
 * The least-loaded available agent with the queue's skill at exactly the ticket's tier; ties go round-robin
 * (whoever was assigned longest ago). Null when nobody matches: the ticket waits unassigned in its queue.
 * Call inside a transaction holding lockRouting() so two tickets routed at once do not both pick the same agent.
 */
export async function pickAssignee(db: Db, target: RoutingTarget): Promise<string | null> {
  if (!target.queue) return null;
  const load = sql<number>`(select count(*)::int from ${tickets} t where t.assignee_id = ${agents.id} and t.status in ('open', 'pending', 'escalated'))`;
  const lastAssigned = sql`(select max(e.at) from ticket_events e where e.workspace_id = ${agents.workspaceId} and e.type = 'assigned' and e.details->>'agentId' = ${agents.id}::text)`;
  const exclude = target.excludeAgentIds?.filter(Boolean) ?? [];
  const [row] = await db
    .select({ id: agents.id })
    .from(agents)
    .where(
      and(
        eq(agents.workspaceId, target.workspaceId),
        eq(agents.active, true),
        eq(agents.available, true),
        eq(agents.tier, target.tier),
        sql`${target.queue} = any(${agents.skills})`,
        exclude.length ? notInArray(agents.id, exclude) : undefined,
      ),
    )
    .orderBy(load, sql`${lastAssigned} asc nulls first`, agents.createdAt, agents.id)
    .limit(1);
  return row?.id ?? null;
}

/** Serialises routing per workspace for the rest of the transaction (PostgreSQL; PGlite has one connection anyway). */
export async function lockRouting(db: Db, workspaceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`routing:${workspaceId}`}))`);
}

/** Routes the ticket and records the assignment; returns the new assignee or null. */
export async function routeTicket(
  db: Db,
  input: RoutingTarget & { ticketId: string; previousAgentId: string | null; actorId?: string | null; at?: Date },
): Promise<string | null> {
  const agentId = await pickAssignee(db, input);
  if (agentId === input.previousAgentId) return agentId;
  await db.update(tickets).set({ assigneeId: agentId }).where(eq(tickets.id, input.ticketId));
  if (agentId) {
    await recordEvent(db, {
      workspaceId: input.workspaceId,
      ticketId: input.ticketId,
      type: "assigned",
      actorType: input.actorId ? "agent" : "system",
      actorId: input.actorId ?? null,
      details: {
        agentId,
        ...(input.previousAgentId ? { previousAgentId: input.previousAgentId } : {}),
        reason: "routing",
      },
      at: input.at,
    });
  } else if (input.previousAgentId) {
    await recordEvent(db, {
      workspaceId: input.workspaceId,
      ticketId: input.ticketId,
      type: "unassigned",
      actorType: input.actorId ? "agent" : "system",
      actorId: input.actorId ?? null,
      details: { previousAgentId: input.previousAgentId },
      at: input.at,
    });
  }
  return agentId;
}
