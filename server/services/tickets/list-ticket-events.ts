import type { WorkspaceActor } from "../../access/actor.js";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, ticketEvents } from "../../db/schema.js";
import type { TicketEvent, TicketEventType } from "../../../shared/timeline.js";
import { findTicket } from "./workspace-ticket.js";

/** The ticket's timeline (who did what, when), oldest first. */
export async function listTicketEvents(
  db: Db,
  input: { actor: WorkspaceActor; ticketId: string },
): Promise<{ events: TicketEvent[] }> {
  const ticket = await findTicket(db, input.actor.workspaceId, input.ticketId);
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
      // Done with an API token: the token's name is the actor.
      actorName: typeof event.details.apiToken === "string" ? event.details.apiToken : actorName,
      at: event.at.toISOString(),
      details: event.details,
    })),
  };
}
