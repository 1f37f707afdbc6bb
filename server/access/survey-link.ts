import type { Db } from "../db/client.js";
import { customerLanguage } from "../../shared/context.js";
import { type Lang, pickLang } from "../services/notifications/email-strings.js";
import { authenticateTicketLink } from "./ticket-link.js";
import type { TicketHolder } from "./upload-token.js";

/** The holder of a survey link, with what its page needs to speak to them. */
export interface SurveyLinkHolder {
  holder: TicketHolder;
  reference: string;
  lang: Lang;
}

/**
 * A survey link from the resolved mail: whoever holds it answers the customer's questions for that ticket, like the
 * widget holding the upload token.
 */
export async function authenticateSurveyLink(db: Db, token: string): Promise<SurveyLinkHolder> {
  const ticket = await authenticateTicketLink(db, { token, purpose: "survey", what: "Survey link" });
  return {
    holder: {
      kind: "ticket_holder",
      ticketId: ticket.id,
      workspace: ticket.workspace,
      ticketCreatedAt: ticket.createdAt,
    },
    reference: ticket.reference,
    lang: pickLang(customerLanguage(ticket.context)),
  };
}
