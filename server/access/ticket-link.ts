import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets, workspaces } from "../db/schema.js";
import { ensureNotificationSettings } from "../services/notifications/notification-settings.js";
import { notFound } from "../services/service-error.js";
import type { Workspace } from "./find-widget-workspace.js";
import { parseTicketLinkToken, type TicketLinkPurpose, verifyTicketLinkToken } from "./unsubscribe-token.js";

/** The ticket a link from a customer email stands for, with its workspace. */
export interface LinkedTicket {
  id: string;
  createdAt: Date;
  reference: string;
  customerEmail: string;
  context: (typeof tickets.$inferSelect)["context"];
  workspace: Workspace;
}

/**
 * The one check of a signed link from a customer email (survey, unsubscribe): signed for this ticket and this purpose
 * under its workspace's secret. A forged, altered or stale link (ticket deleted) is "<what> not found", never a hint
 * of which part failed.
 */
export async function authenticateTicketLink(
  db: Db,
  input: { token: string; purpose: TicketLinkPurpose; what: string },
): Promise<LinkedTicket> {
  const claimed = parseTicketLinkToken(input.token);
  if (!claimed) throw notFound(input.what);
  const [row] = await db
    .select({
      id: tickets.id,
      createdAt: tickets.createdAt,
      reference: tickets.reference,
      customerEmail: tickets.customerEmail,
      context: tickets.context,
      workspace: workspaces,
    })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, claimed.ticketId))
    .limit(1);
  if (!row) throw notFound(input.what);
  const settings = await ensureNotificationSettings(db, row.workspace.id);
  if (!verifyTicketLinkToken(settings.unsubscribeSecret, input.purpose, claimed)) throw notFound(input.what);
  return row;
}
