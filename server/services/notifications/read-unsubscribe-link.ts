import { and, eq, isNull, or } from "drizzle-orm";
import { parseTicketLinkToken, verifyTicketLinkToken } from "../../access/unsubscribe-token.js";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { customerEmailUnsubscribes } from "../../db/schema-notifications.js";
import { notFound } from "../service-error.js";
import { type Lang, pickLang } from "./email-strings.js";
import { ensureNotificationSettings } from "./notification-settings.js";

/** What an unsubscribe link stands for: whose emails, about which ticket, and what they get today. */
export interface UnsubscribeLink {
  workspaceId: string;
  workspaceName: string;
  ticketId: string;
  reference: string;
  email: string;
  lang: Lang;
  /** subscribed: emails flow; ticket: none about this ticket; all: none from this workspace. */
  state: "subscribed" | "ticket" | "all";
}

/** Resolves a link from a customer email; a forged, altered or stale one (ticket deleted) is not found. */
export async function readUnsubscribeLink(db: Db, token: string): Promise<UnsubscribeLink> {
  const claimed = parseTicketLinkToken(token);
  if (!claimed) throw notFound("Unsubscribe link");
  const [ticket] = await db
    .select({
      id: tickets.id,
      workspaceId: tickets.workspaceId,
      workspaceName: workspaces.name,
      reference: tickets.reference,
      email: tickets.customerEmail,
      context: tickets.context,
    })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, claimed.ticketId));
  if (!ticket) throw notFound("Unsubscribe link");
  const settings = await ensureNotificationSettings(db, ticket.workspaceId);
  if (!verifyTicketLinkToken(settings.unsubscribeSecret, "unsubscribe", claimed)) throw notFound("Unsubscribe link");
  const email = ticket.email.toLowerCase();
  return {
    workspaceId: ticket.workspaceId,
    workspaceName: ticket.workspaceName,
    ticketId: ticket.id,
    reference: ticket.reference,
    email,
    lang: pickLang(ticket.context?.environment?.language),
    state: await unsubscribeState(db, ticket.workspaceId, email, ticket.id),
  };
}

/** Whether customer emails about this ticket to this address are off, and how widely. */
export async function unsubscribeState(
  db: Db,
  workspaceId: string,
  email: string,
  ticketId: string,
): Promise<UnsubscribeLink["state"]> {
  const rows = await db
    .select({ ticketId: customerEmailUnsubscribes.ticketId })
    .from(customerEmailUnsubscribes)
    .where(
      and(
        eq(customerEmailUnsubscribes.workspaceId, workspaceId),
        eq(customerEmailUnsubscribes.email, email.toLowerCase()),
        or(isNull(customerEmailUnsubscribes.ticketId), eq(customerEmailUnsubscribes.ticketId, ticketId)),
      ),
    );
  if (rows.some((r) => r.ticketId === null)) return "all";
  return rows.length > 0 ? "ticket" : "subscribed";
}
