import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import type { TicketDetail } from "../../../shared/agent-api.js";
import { TRIAGE_QUEUE, type Triage } from "../../../shared/matrix.js";
import { getTicket } from "../tickets/get-ticket.js";
import { recordEvent } from "../tickets/record-event.js";
import { lockTicket } from "../tickets/workspace-ticket.js";
import { ServiceError } from "../service-error.js";
import { SECURITY_QUEUE } from "./classifier/routing-model.js";

/**
 * An agent says the security detector was wrong about this ticket. The ticket leaves the security queue for the
 * classifier's best ordinary guess (or triage), and the mark teaches the workspace's detector at its next
 * retraining, resolved or not. Tier and severity stay: the agent de-escalates as usual.
 */
export async function markSecurityFalseAlarm(
  db: Db,
  input: { actor: AgentActor; ticketId: string; now?: Date },
): Promise<TicketDetail> {
  const { actor: agent } = input;
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, agent.workspaceId, input.ticketId);
    const triage = ticket.triage as Triage | null;
    if (!triage?.security?.flagged) {
      throw new ServiceError("conflict", "The security detector did not flag this ticket");
    }
    if (triage.security.falseAlarm) return;
    const at = input.now ?? new Date();
    const queue = ticket.queue === SECURITY_QUEUE ? (triage.classifier?.top?.[0]?.queue ?? TRIAGE_QUEUE) : ticket.queue;
    const marked: Triage = { ...triage, security: { ...triage.security, falseAlarm: true } };
    await tx.update(tickets).set({ triage: marked, queue, updatedAt: at }).where(eq(tickets.id, ticket.id));
    await recordEvent(tx, {
      workspaceId: agent.workspaceId,
      ticketId: ticket.id,
      type: "fields_changed",
      actorType: "agent",
      actorId: agent.id,
      details: { queue: { from: ticket.queue, to: queue }, reason: "security false alarm" },
      at,
    });
  });
  return getTicket(db, { actor: agent, ticketId: input.ticketId });
}
