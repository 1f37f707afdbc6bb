import type { AgentActor } from "../../access/actor.js";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, escalations, tickets } from "../../db/schema.js";
import type { TicketDetail } from "../../../shared/agent-api.js";
import type { DeEscalation } from "../../../shared/escalation-api.js";
import { lockRouting, pickAssignee } from "../tickets/assign-ticket.js";
import { detectPingPong } from "./detect-ping-pong.js";
import { getTicket } from "../tickets/get-ticket.js";
import { recordEvent } from "../tickets/record-event.js";
import { ServiceError } from "../service-error.js";
import { lockTicket } from "../tickets/workspace-ticket.js";
import { assertUnchanged } from "../tickets/assert-unchanged.js";

/**
 * Moves a ticket down to a lower tier (one by default) with a reason, e.g. once engineering shipped the fix and
 * first line can close it with the customer. It goes back to the agent who escalated it from that tier when they
 * are still active, otherwise to the least-loaded matching agent there; an escalated ticket is open again.
 */
export async function deEscalateTicket(
  db: Db,
  input: { actor: AgentActor; ticketId: string; body: DeEscalation; now?: Date },
): Promise<TicketDetail> {
  const { actor: agent, body } = input;
  await db.transaction(async (tx) => {
    await lockRouting(tx, agent.workspaceId);
    const ticket = await lockTicket(tx, agent.workspaceId, input.ticketId);
    await assertUnchanged(tx, ticket, body.seen);
    if (ticket.status === "resolved" || ticket.status === "closed") {
      throw new ServiceError("conflict", `This ticket is ${ticket.status}; reopen it before changing its tier`);
    }
    const toTier = body.toTier ?? ticket.tier - 1;
    if (toTier < 1 || toTier >= ticket.tier) {
      const message = ticket.tier === 1 ? "the ticket is already at tier 1" : `choose a tier below ${ticket.tier}`;
      throw new ServiceError("validation_failed", "1 field is invalid", [{ path: "toTier", message }]);
    }
    const at = input.now ?? new Date();
    await tx
      .update(tickets)
      .set({
        tier: toTier,
        status: ticket.status === "escalated" ? "open" : ticket.status,
        tierEnteredAt: at,
        lastAgentActivityAt: at,
        escalationSuggestedReason: null,
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

    // de_escalated before the assignment: the metrics' stage timeline enters the lower tier, then its agent.
    const toAgentId =
      (await escalatedFrom(tx, ticket.id, toTier)) ??
      (await pickAssignee(tx, {
        workspaceId: agent.workspaceId,
        tier: toTier,
        queue: ticket.queue,
        excludeAgentIds: [agent.id],
      }));
    await recordEvent(tx, {
      ...base,
      type: "de_escalated",
      details: { fromTier: ticket.tier, toTier, reason: body.reason, toAgentId },
    });
    if (toAgentId !== ticket.assigneeId) {
      await tx.update(tickets).set({ assigneeId: toAgentId }).where(eq(tickets.id, ticket.id));
      if (toAgentId)
        await recordEvent(tx, {
          ...base,
          type: "assigned",
          details: { agentId: toAgentId, previousAgentId: ticket.assigneeId, reason: "routing" },
        });
      else await recordEvent(tx, { ...base, type: "unassigned", details: { previousAgentId: ticket.assigneeId } });
    }
    if (ticket.status === "escalated")
      await recordEvent(tx, { ...base, type: "status_changed", details: { from: "escalated", to: "open" } });
    await detectPingPong(tx, { workspaceId: agent.workspaceId, ticketId: ticket.id, at });
  });
  return getTicket(db, { actor: agent, ticketId: input.ticketId });
}

/** The active agent who last escalated this ticket out of that tier (not bounced), if any. */
async function escalatedFrom(db: Db, ticketId: string, tier: number): Promise<string | null> {
  const [row] = await db
    .select({ id: agents.id })
    .from(escalations)
    .innerJoin(agents, eq(agents.id, escalations.fromAgentId))
    .where(
      and(
        eq(escalations.ticketId, ticketId),
        eq(escalations.fromTier, tier),
        isNull(escalations.bouncedAt),
        eq(agents.active, true),
      ),
    )
    .orderBy(desc(escalations.createdAt))
    .limit(1);
  return row?.id ?? null;
}
