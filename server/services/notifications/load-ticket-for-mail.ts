import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";

/** What every notification says of a ticket (mails, Slack, webhook bodies). */
export const ticketSummaryFields = {
  id: tickets.id,
  reference: tickets.reference,
  subject: tickets.subject,
  status: tickets.status,
  severity: tickets.severity,
  tier: tickets.tier,
  queue: tickets.queue,
  assigneeId: tickets.assigneeId,
  customerEmail: tickets.customerEmail,
};

const mailFields = {
  ...ticketSummaryFields,
  customerName: tickets.customerName,
  pageUrl: tickets.pageUrl,
  context: tickets.context,
};

/** The fields a notification needs, within the workspace the job names. */
export async function loadTicketForMail(db: Db, workspaceId: string, ticketId: string) {
  const [ticket] = await db
    .select(mailFields)
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.workspaceId, workspaceId)));
  return ticket;
}

export type TicketForMail = NonNullable<Awaited<ReturnType<typeof loadTicketForMail>>>;

/** The same for a batch of events in one read, by "workspaceId:ticketId" (each still within its job's workspace). */
export async function loadTicketsForMail(
  db: Db,
  refs: { workspaceId: string; ticketId: string }[],
): Promise<Map<string, TicketForMail>> {
  const ids = [...new Set(refs.map((r) => r.ticketId))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ ...mailFields, workspaceId: tickets.workspaceId })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  return new Map(rows.map(({ workspaceId, ...ticket }) => [`${workspaceId}:${ticket.id}`, ticket]));
}
