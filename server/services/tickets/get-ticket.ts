import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import type { TicketDetail } from "../../../shared/agent-api.js";
import { customerUnsubscribe } from "../notifications/customer-unsubscribe.js";
import { notFound } from "../service-error.js";
import { toDetail } from "./ticket-view.js";

/** A ticket of the agent's workspace with its context; another workspace's ticket is simply not found. */
export async function getTicket(db: Db, input: { actor: WorkspaceActor; ticketId: string }): Promise<TicketDetail> {
  const [row] = await db
    .select({
      ticket: tickets,
      recording: {
        compressedBytes: recordings.compressedBytes,
        eventCount: recordings.eventCount,
        startedAt: recordings.startedAt,
        endedAt: recordings.endedAt,
      },
    })
    .from(tickets)
    .leftJoin(recordings, eq(recordings.ticketId, tickets.id))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.actor.workspaceId)))
    .limit(1);
  if (!row) throw notFound("Ticket");
  // Whether the customer stopped this ticket's emails: agents should not expect a mail to reach them.
  const stop = await customerUnsubscribe(db, {
    workspaceId: row.ticket.workspaceId,
    email: row.ticket.customerEmail,
    ticketId: row.ticket.id,
  });
  return {
    ...toDetail(row.ticket, row.recording),
    emailUnsubscribed: stop ? { scope: stop.scope, at: stop.at.toISOString() } : null,
  };
}
