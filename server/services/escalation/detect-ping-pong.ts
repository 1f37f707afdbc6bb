import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ticketEvents, tickets, workspaces } from "../../db/schema.js";
import { readEscalationSettings } from "../../../shared/escalation-settings.js";
import { recordEvent } from "../tickets/record-event.js";

/**
 * Ping-pong: since the ticket was last resolved (or created), N or more distinct agents touched it (were assigned
 * it, or acted on it other than by assigning it), or it was escalated M or more times. Flags the ticket once and records why.
 * Returns whether the ticket is flagged now.
 */
export async function detectPingPong(
  db: Db,
  input: { workspaceId: string; ticketId: string; at?: Date },
): Promise<boolean> {
  const [row] = await db
    .select({ pingPong: tickets.pingPong, settings: workspaces.settings })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!row) return false;
  if (row.pingPong) return true;
  const settings = readEscalationSettings(row.settings);

  // Only what happened since the last resolution counts: a reopened ticket starts a fresh cycle.
  const events = await db
    .select({
      type: ticketEvents.type,
      actorType: ticketEvents.actorType,
      actorId: ticketEvents.actorId,
      details: ticketEvents.details,
    })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, input.ticketId),
        inArray(ticketEvents.type, [
          "assigned",
          "escalated",
          "bounced",
          "status_changed",
          "replied",
          "note_added",
          "fields_changed",
          "de_escalated",
        ]),
      ),
    )
    .orderBy(ticketEvents.at, ticketEvents.id);
  const agents = new Set<string>();
  let escalations = 0;
  for (const event of events) {
    if (event.type === "status_changed" && ["resolved", "closed"].includes(String(event.details.to))) {
      agents.clear();
      escalations = 0;
      continue;
    }
    // Whoever assigns (a lead dispatching, the escalating agent routing) hands the ticket on: only the assignee gets it.
    if (event.type === "assigned") {
      if (typeof event.details.agentId === "string") agents.add(event.details.agentId);
      continue;
    }
    if (event.actorType === "agent" && event.actorId) agents.add(event.actorId);
    if (event.type === "escalated") escalations += 1;
  }
  const reasons: string[] = [];
  if (agents.size >= settings.pingPongAgents) reasons.push(`${agents.size} agents have touched it`);
  if (escalations >= settings.pingPongEscalations) reasons.push(`escalated ${escalations} times without resolution`);
  if (reasons.length === 0) return false;

  await db.update(tickets).set({ pingPong: true, updatedAt: sql`now()` }).where(eq(tickets.id, input.ticketId));
  await recordEvent(db, {
    workspaceId: input.workspaceId,
    ticketId: input.ticketId,
    type: "ping_pong",
    actorType: "system",
    details: { reason: reasons.join("; "), agents: [...agents], escalations },
    at: input.at,
  });
  return true;
}
