import { authenticateTicketLink } from "../../access/ticket-link.js";
import { customerLanguage } from "../../../shared/context.js";
import type { Db } from "../../db/client.js";
import { customerUnsubscribe } from "./customer-unsubscribe.js";
import { type Lang, pickLang } from "./email-strings.js";

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
  const ticket = await authenticateTicketLink(db, { token, purpose: "unsubscribe", what: "Unsubscribe link" });
  const email = ticket.customerEmail.toLowerCase();
  const stop = await customerUnsubscribe(db, { workspaceId: ticket.workspace.id, email, ticketId: ticket.id });
  return {
    workspaceId: ticket.workspace.id,
    workspaceName: ticket.workspace.name,
    ticketId: ticket.id,
    reference: ticket.reference,
    email,
    lang: pickLang(customerLanguage(ticket.context)),
    state: stop?.scope ?? "subscribed",
  };
}
