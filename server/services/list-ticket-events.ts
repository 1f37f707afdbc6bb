import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents, ticketEvents, tickets } from "../db/schema.js";
import type { TicketEvent, TicketEventType } from "../../shared/timeline.js";
import { notFound } from "./service-error.js";

/** The ticket's timeline (who did what, when), oldest first. */
export async function listTicketEvents(db: Db, input: { workspaceId: string; ticketId: string }): Promise<{ events: TicketEvent[] }> {
  const [ticket] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!ticket) throw notFound("Ticket");
  const rows = await db
    .select({ event: ticketEvents, actorName: agents.name })
    .from(ticketEvents)
    .leftJoin(agents, eq(agents.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticket.id))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
    .limit(1000);
  return {
    events: rows.map(({ event, actorName }) => ({
      id: event.id,
      type: event.type as TicketEventType,
      actorType: event.actorType,
      actorId: event.actorId,
      actorName,
      at: event.at.toISOString(),
      details: event.details,
    })),
  };
}
