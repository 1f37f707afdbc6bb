import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets, workspaces } from "../db/schema.js";
import { type Lang, pickLang } from "../services/notifications/email-strings.js";
import { ensureNotificationSettings } from "../services/notifications/notification-settings.js";
import { notFound } from "../services/service-error.js";
import { parseTicketLinkToken, verifyTicketLinkToken } from "./unsubscribe-token.js";
import type { TicketHolder } from "./upload-token.js";

/** The holder of a survey link, with what its page needs to speak to them. */
export interface SurveyLinkHolder {
  holder: TicketHolder;
  reference: string;
  lang: Lang;
}

/**
 * The one check of a survey link from the resolved mail: signed for this ticket under its workspace's secret. Whoever
 * holds it answers the customer's questions for that ticket, like the widget holding the upload token; a forged,
 * altered or stale link (ticket deleted) is not found.
 */
export async function authenticateSurveyLink(db: Db, token: string): Promise<SurveyLinkHolder> {
  const claimed = parseTicketLinkToken(token);
  if (!claimed) throw notFound("Survey link");
  const [row] = await db
    .select({
      id: tickets.id,
      createdAt: tickets.createdAt,
      reference: tickets.reference,
      context: tickets.context,
      workspace: workspaces,
    })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, claimed.ticketId))
    .limit(1);
  if (!row) throw notFound("Survey link");
  const settings = await ensureNotificationSettings(db, row.workspace.id);
  if (!verifyTicketLinkToken(settings.unsubscribeSecret, "survey", claimed)) throw notFound("Survey link");
  return {
    holder: { kind: "ticket_holder", ticketId: row.id, workspace: row.workspace, ticketCreatedAt: row.createdAt },
    reference: row.reference,
    lang: pickLang(row.context?.environment?.language),
  };
}
