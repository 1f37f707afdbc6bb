import type { WorkspaceActor } from "../../access/actor.js";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { recordings, tickets } from "../../db/schema.js";
import { customerEmailUnsubscribes } from "../../db/schema-notifications.js";
import type { TicketDetail } from "../../../shared/agent-api.js";
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
  return { ...toDetail(row.ticket, row.recording), emailUnsubscribed: await emailUnsubscribed(db, row.ticket) };
}

/** Whether the customer stopped this ticket's emails, and how widely: agents should not expect a mail to reach them. */
async function emailUnsubscribed(
  db: Db,
  ticket: { id: string; workspaceId: string; customerEmail: string },
): Promise<TicketDetail["emailUnsubscribed"]> {
  const stops = await db
    .select({ ticketId: customerEmailUnsubscribes.ticketId, at: customerEmailUnsubscribes.createdAt })
    .from(customerEmailUnsubscribes)
    .where(
      and(
        eq(customerEmailUnsubscribes.workspaceId, ticket.workspaceId),
        eq(customerEmailUnsubscribes.email, ticket.customerEmail.toLowerCase()),
        or(isNull(customerEmailUnsubscribes.ticketId), eq(customerEmailUnsubscribes.ticketId, ticket.id)),
      ),
    );
  const stop = stops.find((s) => s.ticketId === null) ?? stops[0];
  return stop ? { scope: stop.ticketId === null ? "all" : "ticket", at: stop.at.toISOString() } : null;
}
