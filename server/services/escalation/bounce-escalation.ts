import type { AgentActor } from "../../access/actor.js";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalations, tickets } from "../../db/schema.js";
import { type Escalation, mayBounce } from "../../../shared/escalation-api.js";
import { lockRouting } from "../tickets/assign-ticket.js";
import { detectPingPong } from "./detect-ping-pong.js";
import { getEscalation } from "./list-escalations.js";
import { recordEvent } from "../tickets/record-event.js";
import { notFound, ServiceError } from "../service-error.js";
import { lockTicket } from "../tickets/workspace-ticket.js";

/**
 * The receiving side sends a handoff back (e.g. missing information): the ticket returns to the tier, queue and
 * agent it came from, status open, and the bounce is recorded on the escalation and the timeline.
 * Only the latest, not yet bounced escalation can be bounced, by its receiving agent, an agent of the receiving
 * tier or above, or an admin.
 */
export async function bounceEscalation(
  db: Db,
  input: { actor: AgentActor; ticketId: string; escalationId: string; reason: string; now?: Date },
): Promise<Escalation> {
  const { actor: agent } = input;
  await db.transaction(async (tx) => {
    await lockRouting(tx, agent.workspaceId);
    const ticket = await lockTicket(tx, agent.workspaceId, input.ticketId);
    const [latest] = await tx
      .select()
      .from(escalations)
      .where(and(eq(escalations.ticketId, ticket.id), isNull(escalations.bouncedAt)))
      .orderBy(desc(escalations.createdAt), desc(escalations.id))
      .limit(1);
    const [target] = await tx
      .select()
      .from(escalations)
      .where(and(eq(escalations.id, input.escalationId), eq(escalations.ticketId, ticket.id)))
      .limit(1);
    if (!target) throw notFound("Escalation");
    if (target.bouncedAt) throw new ServiceError("conflict", "This escalation was already bounced");
    if (latest?.id !== target.id) throw new ServiceError("conflict", "Only the latest escalation can be bounced");
    if (ticket.status === "resolved" || ticket.status === "closed")
      throw new ServiceError("conflict", `This ticket is ${ticket.status}`);
    if (!mayBounce(agent, ticket, target))
      throw new ServiceError("forbidden", "Only the receiving side of an escalation can bounce it");

    const at = input.now ?? new Date();
    // Back to the sender if they can still take it; otherwise unassigned in the original queue.
    const [sender] = target.fromAgentId
      ? await tx
          .select({ id: agents.id })
          .from(agents)
          .where(and(eq(agents.id, target.fromAgentId), eq(agents.active, true)))
          .limit(1)
      : [];
    const toAgentId = sender?.id ?? null;
    await tx
      .update(escalations)
      .set({ bouncedAt: at, bouncedBy: agent.id, bounceReason: input.reason })
      .where(eq(escalations.id, target.id));
    await tx
      .update(tickets)
      .set({
        tier: target.fromTier,
        queue: target.fromQueue,
        status: "open",
        assigneeId: toAgentId,
        tierEnteredAt: at,
        lastAgentActivityAt: at,
        updatedAt: at,
      })
      .where(eq(tickets.id, ticket.id));
    const base = {
      workspaceId: agent.workspaceId,
      ticketId: ticket.id,
      actorType: "agent" as const,
      actorId: agent.id,
      at,
    };
    await recordEvent(tx, {
      ...base,
      type: "bounced",
      details: { escalationId: target.id, reason: input.reason, toTier: target.fromTier, toAgentId },
    });
    if (ticket.status !== "open")
      await recordEvent(tx, { ...base, type: "status_changed", details: { from: ticket.status, to: "open" } });
    if (toAgentId && toAgentId !== ticket.assigneeId) {
      await recordEvent(tx, {
        ...base,
        type: "assigned",
        details: { agentId: toAgentId, previousAgentId: ticket.assigneeId, reason: "routing" },
      });
    }
    await detectPingPong(tx, { workspaceId: agent.workspaceId, ticketId: ticket.id, at });
  });
  return getEscalation(db, {
    workspaceId: agent.workspaceId,
    ticketId: input.ticketId,
    escalationId: input.escalationId,
  });
}
