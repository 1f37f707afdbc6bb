import type { WorkspaceActor } from "../../access/actor.js";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalations, tickets } from "../../db/schema.js";
import type { Escalation } from "../../../shared/escalation-api.js";
import { notFound } from "../service-error.js";
import { findTicket } from "../tickets/workspace-ticket.js";

type EscalationRow = typeof escalations.$inferSelect;

/** A ticket's handoffs, newest first (the receiving agent reads the latest card first). */
export async function listEscalations(
  db: Db,
  input: { actor: WorkspaceActor; ticketId: string },
): Promise<Escalation[]> {
  await findTicket(db, input.actor.workspaceId, input.ticketId);
  const rows = await db
    .select()
    .from(escalations)
    .where(eq(escalations.ticketId, input.ticketId))
    .orderBy(desc(escalations.createdAt), desc(escalations.id));
  return toViews(db, rows);
}

export async function getEscalation(
  db: Db,
  input: { workspaceId: string; ticketId: string; escalationId: string },
): Promise<Escalation> {
  const [row] = await db
    .select({ escalation: escalations })
    .from(escalations)
    .innerJoin(tickets, eq(tickets.id, escalations.ticketId))
    .where(
      and(
        eq(escalations.id, input.escalationId),
        eq(escalations.ticketId, input.ticketId),
        eq(tickets.workspaceId, input.workspaceId),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Escalation");
  const [view] = await toViews(db, [row.escalation]);
  return view!;
}

async function toViews(db: Db, rows: EscalationRow[]): Promise<Escalation[]> {
  const ids = [
    ...new Set(rows.flatMap((r) => [r.fromAgentId, r.toAgentId, r.bouncedBy]).filter((id): id is string => !!id)),
  ];
  const names = new Map<string, string>();
  if (ids.length) {
    for (const agent of await db
      .select({ id: agents.id, name: agents.name })
      .from(agents)
      .where(inArray(agents.id, ids))) {
      names.set(agent.id, agent.name);
    }
  }
  const ref = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  return rows.map((row) => ({
    id: row.id,
    ticketId: row.ticketId,
    fromTier: row.fromTier,
    toTier: row.toTier,
    fromQueue: row.fromQueue,
    toQueue: row.toQueue,
    fromAgent: ref(row.fromAgentId),
    toAgent: ref(row.toAgentId),
    summary: row.summary,
    attempted: row.attempted,
    reason: row.reason,
    customerGoal: row.customerGoal,
    replayMoments: row.replayMoments,
    createdAt: row.createdAt.toISOString(),
    bounce: row.bouncedAt
      ? { at: row.bouncedAt.toISOString(), by: ref(row.bouncedBy), reason: row.bounceReason ?? "" }
      : null,
  }));
}
