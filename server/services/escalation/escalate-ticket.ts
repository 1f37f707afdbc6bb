import type { AgentActor } from "../../access/actor.js";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { escalations, tickets } from "../../db/schema.js";
import type { Agent } from "../../../shared/agent-api.js";
import type { Escalation, EscalationCreate } from "../../../shared/escalation-api.js";
import type { ErrorIssue } from "../../../shared/errors.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";
import { detectPingPong } from "./detect-ping-pong.js";
import { getEscalation } from "./list-escalations.js";
import { recordEvent } from "../tickets/record-event.js";
import { ServiceError } from "../service-error.js";
import { lockTicket } from "../tickets/workspace-ticket.js";
import { assertUnchanged } from "../tickets/assert-unchanged.js";
import { MAX_TIER } from "../../../shared/limits.js";
import { unknownQueueIssue } from "../tickets/known-queue.js";

/**
 * Moves a ticket up a tier and/or to another queue with a structured handoff, routes it to the least-loaded
 * matching agent, and records it. By default one tier up in the same queue. Nothing changes on a 422.
 */
export async function escalateTicket(
  db: Db,
  input: { actor: AgentActor; ticketId: string; body: EscalationCreate; now?: Date },
): Promise<Escalation> {
  const { actor: agent, body } = input;
  const escalationId = await db.transaction(async (tx) => {
    await lockRouting(tx, agent.workspaceId);
    const ticket = await lockTicket(tx, agent.workspaceId, input.ticketId);
    await assertUnchanged(tx, ticket, body.seen);
    if (ticket.status === "resolved" || ticket.status === "closed") {
      throw new ServiceError("conflict", `This ticket is ${ticket.status}; reopen it before escalating`);
    }
    const toTier = body.toTier ?? (body.toQueue && body.toQueue !== ticket.queue ? ticket.tier : ticket.tier + 1);
    const toQueue = body.toQueue ?? ticket.queue;
    const issues: ErrorIssue[] = [];
    if (toTier > MAX_TIER)
      issues.push({ path: "toTier", message: `the ticket is already at tier ${MAX_TIER}; pick another queue instead` });
    else if (toTier < ticket.tier)
      issues.push({ path: "toTier", message: `an escalation cannot lower the tier (now ${ticket.tier})` });
    else if (toTier === ticket.tier && toQueue === ticket.queue) {
      issues.push({ path: "toTier", message: "choose a higher tier or another queue" });
    }
    // A typo over the API would park the ticket, escalated and unassigned, where nobody looks.
    const unknownQueue =
      body.toQueue && body.toQueue !== ticket.queue
        ? await unknownQueueIssue(tx, agent, "toQueue", body.toQueue)
        : null;
    if (unknownQueue) issues.push(unknownQueue);
    // Fields the matrix made mandatory for this ticket (e.g. replay moments for a security incident).
    if (ticket.requiredHandoffFields.includes("replayMoments") && !body.replayMoments?.length) {
      issues.push({
        path: "replayMoments",
        message: "this ticket's escalation rules require at least one replay moment",
      });
    }
    if (issues.length)
      throw new ServiceError(
        "validation_failed",
        `${issues.length} field${issues.length === 1 ? " is" : "s are"} invalid`,
        issues,
      );

    const at = input.now ?? new Date();
    const [row] = await tx
      .insert(escalations)
      .values({
        ticketId: ticket.id,
        fromTier: ticket.tier,
        toTier,
        fromQueue: ticket.queue,
        toQueue,
        fromAgentId: agent.id,
        summary: body.summary,
        attempted: body.attempted,
        reason: body.reason,
        customerGoal: body.customerGoal,
        replayMoments: body.replayMoments ?? [],
        createdAt: at,
      })
      .returning({ id: escalations.id });
    await tx
      .update(tickets)
      .set({
        tier: toTier,
        queue: toQueue,
        status: "escalated",
        escalationCount: sql`${tickets.escalationCount} + 1`,
        escalationSuggestedReason: null,
        tierEnteredAt: at,
        lastAgentActivityAt: at,
        updatedAt: at,
      })
      .where(eq(tickets.id, ticket.id));
    // The escalating agent and whoever currently holds it are not candidates: the ticket must change hands.
    const toAgentId = await pickAndAssign(tx, { ticket, agent, toTier, toQueue, at });
    await tx.update(escalations).set({ toAgentId }).where(eq(escalations.id, row!.id));
    await recordEvent(tx, {
      workspaceId: agent.workspaceId,
      ticketId: ticket.id,
      type: "escalated",
      actorType: "agent",
      actorId: agent.id,
      details: {
        escalationId: row!.id,
        fromTier: ticket.tier,
        toTier,
        fromQueue: ticket.queue,
        toQueue,
        fromAgentId: agent.id,
        toAgentId,
      },
      at,
    });
    if (ticket.status !== "escalated") {
      await recordEvent(tx, {
        workspaceId: agent.workspaceId,
        ticketId: ticket.id,
        type: "status_changed",
        actorType: "agent",
        actorId: agent.id,
        details: { from: ticket.status, to: "escalated" },
        at,
      });
    }
    await detectPingPong(tx, { workspaceId: agent.workspaceId, ticketId: ticket.id, at });
    return row!.id;
  });
  return getEscalation(db, { workspaceId: agent.workspaceId, ticketId: input.ticketId, escalationId });
}

async function pickAndAssign(
  tx: Db,
  input: { ticket: typeof tickets.$inferSelect; agent: Agent; toTier: number; toQueue: string | null; at: Date },
): Promise<string | null> {
  const { ticket, agent } = input;
  return routeTicket(tx, {
    workspaceId: agent.workspaceId,
    ticketId: ticket.id,
    tier: input.toTier,
    queue: input.toQueue,
    excludeAgentIds: [agent.id, ticket.assigneeId ?? ""],
    previousAgentId: ticket.assigneeId,
    actorId: agent.id,
    at: input.at,
  });
}
