import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";

/** The fields a notification needs, within the workspace the job names. */
export async function loadTicketForMail(db: Db, workspaceId: string, ticketId: string) {
  const [ticket] = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      subject: tickets.subject,
      status: tickets.status,
      severity: tickets.severity,
      tier: tickets.tier,
      queue: tickets.queue,
      assigneeId: tickets.assigneeId,
      customerEmail: tickets.customerEmail,
      customerName: tickets.customerName,
      pageUrl: tickets.pageUrl,
      context: tickets.context,
    })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.workspaceId, workspaceId)));
  return ticket;
}
