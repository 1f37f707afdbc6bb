import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { customerLanguage } from "../../../shared/context.js";
import { replyToken } from "../../access/email-reply-token.js";
import { ticketLinkToken, unsubscribeToken } from "../../access/unsubscribe-token.js";
import { agents, messages } from "../../db/schema.js";
import type { JobContext } from "../../jobs/registry.js";
import { customerFeedbackDue } from "../customer/submit-feedback.js";
import { EMAIL_STRINGS, htmlBody, type LinkChoice, pickLang } from "./email-strings.js";
import { loadTicketForMail } from "./load-ticket-for-mail.js";
import { mailDomain, mailTransport } from "./mail-transport.js";
import { ensureNotificationSettings } from "./notification-settings.js";
import { publicOrigin } from "./public-links.js";
import { customerUnsubscribe } from "./customer-unsubscribe.js";

export const SEND_CUSTOMER_EMAIL = "email.customer";

const payloadSchema = z.object({
  workspaceId: z.uuid(),
  ticketId: z.uuid(),
  kind: z.enum(["received", "reply", "resolved"]),
  messageId: z.uuid().optional(),
  at: z.string(),
});
export type CustomerEmailJob = z.infer<typeof payloadSchema>;

/**
 * Mails the customer: ticket received, an agent's public reply (never an internal note), resolved (with the
 * post-escalation survey when it is due: one signed link per answer, recorded on the page they open). Every mail threads
 * under the ticket's root Message-ID and carries the signed reply token, so answering it lands in the thread, and a
 * signed one-click unsubscribe link (RFC 8058); a customer who used it gets nothing more.
 */
export async function sendCustomerEmail(raw: unknown, ctx: JobContext): Promise<void> {
  const job = payloadSchema.parse(raw);
  const mail = ctx.config.notifications;
  if (!mail.smtpUrl) return;
  const ticket = await loadTicketForMail(ctx.db, job.workspaceId, job.ticketId);
  if (!ticket) return;
  const stop = await customerUnsubscribe(ctx.db, {
    workspaceId: job.workspaceId,
    email: ticket.customerEmail,
    ticketId: ticket.id,
  });
  if (stop) return;
  const strings = EMAIL_STRINGS[pickLang(customerLanguage(ticket.context))];
  let subject: string;
  let paragraphs: string[];
  if (job.kind === "reply") {
    const [message] = await ctx.db
      .select({ body: messages.body, agentName: agents.name })
      .from(messages)
      .leftJoin(agents, eq(agents.id, messages.agentId))
      .where(
        and(
          eq(messages.id, job.messageId ?? ""),
          eq(messages.ticketId, ticket.id),
          eq(messages.internal, false),
          eq(messages.authorType, "agent"),
        ),
      );
    if (!message) return; // deleted, or not a public agent reply: nothing to tell the customer
    subject = strings.replySubject(ticket.reference, ticket.subject);
    paragraphs = [strings.replyIntro(message.agentName ?? "Support"), message.body];
  } else if (job.kind === "received") {
    subject = strings.receivedSubject(ticket.reference, ticket.subject);
    paragraphs = [strings.receivedBody(ticket.reference)];
  } else {
    subject = strings.resolvedSubject(ticket.reference, ticket.subject);
    paragraphs = [strings.resolvedBody(ticket.reference)];
  }
  const settings = await ensureNotificationSettings(ctx.db, job.workspaceId);
  const token = replyToken(settings.inboundEmailSecret, ticket.id);
  const domain = mailDomain(mail.mailFrom, mail.inboundEmailDomain);
  const root = `<t.${token}@${domain}>`;
  // Stable per notification: a job re-run after a crash sends the same Message-ID, which clients deduplicate.
  const unique = createHash("sha256")
    .update(`${job.kind}:${job.messageId ?? ""}:${job.at}`)
    .digest("hex")
    .slice(0, 16);
  const messageId = job.kind === "received" ? root : `<t.${token}.${unique}@${domain}>`;
  const link = { href: ticket.pageUrl, label: strings.viewConversation };
  const unsubscribe = `${publicOrigin(ctx.config)}/email/unsubscribe/${unsubscribeToken(settings.unsubscribeSecret, ticket.id)}`;
  const footer = { text: strings.footer, href: unsubscribe, label: strings.unsubscribe };
  let survey: LinkChoice | undefined;
  if (job.kind === "resolved" && (await customerFeedbackDue(ctx.db, ticket))) {
    const page = `${publicOrigin(ctx.config)}/email/feedback/${ticketLinkToken(settings.unsubscribeSecret, "survey", ticket.id)}`;
    survey = {
      question: `${strings.surveyTitle} ${strings.surveyInTime}`,
      answers: [
        { href: `${page}?inTime=yes`, label: strings.yes },
        { href: `${page}?inTime=no`, label: strings.no },
      ],
      hint: strings.surveyHint,
    };
  }
  const text = [
    strings.replyAbove,
    "",
    ...paragraphs,
    "",
    `${link.label}: ${link.href}`,
    ...(survey ? ["", survey.question, ...survey.answers.map((a) => `${a.label}: ${a.href}`), survey.hint] : []),
    "",
    "-- ",
    `${strings.footer} ${strings.unsubscribe}: ${unsubscribe}`,
  ].join("\n");
  await mailTransport(mail.smtpUrl).sendMail({
    from: mail.mailFrom,
    to: ticket.customerName ? { name: ticket.customerName, address: ticket.customerEmail } : ticket.customerEmail,
    replyTo: mail.inboundEmailDomain ? `reply+${token}@${mail.inboundEmailDomain}` : undefined,
    subject,
    text,
    html: htmlBody([strings.replyAbove, ...paragraphs], link, footer, survey),
    messageId,
    ...(job.kind === "received" ? {} : { inReplyTo: root, references: [root] }),
    headers: {
      "Auto-Submitted": "auto-generated",
      "X-Handoff-Ticket": ticket.reference,
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
}
