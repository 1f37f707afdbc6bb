import { and, eq } from "drizzle-orm";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { findReplyTokens, scopeOfReply, verifyReplyToken } from "../../access/email-reply-token.js";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { inboundEmailReplies, notificationSettings } from "../../db/schema-notifications.js";
import { addCustomerMessage } from "../customer/add-customer-message.js";
import { notFound, ServiceError } from "../service-error.js";
import { stripQuotedReply } from "./strip-quoted-reply.js";
import { LIMITS } from "../../../shared/limits.js";
import type { BlobStore } from "../../storage/blob-store.js";
import { automaticMail, type AutomaticMail } from "./automatic-mail.js";
import { storeEmailAttachments } from "./store-email-attachments.js";

const MAX_BODY = LIMITS.messageBody;
/** A mail that carries a file as big as an upload may be (base64 adds a third), as Gmail's 25 MB sending limit. */
export const MAX_INBOUND_MAIL_BYTES = 25 * 1024 * 1024;

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/**
 * A customer's emailed reply: parsed (raw RFC 5322), its signed ticket token found in the To/Cc address or the
 * In-Reply-To/References headers and verified, the quoted history and signature stripped, appended as a customer
 * message with its files as the ticket's attachments. The token alone decides: From is not checked (a colleague the
 * customer forwarded the mail to may answer; the message then names that sender). The inbound secret (HTTP path) narrows the tickets it may reach; the SMTP
 * listener passes none and the token's own workspace is used. Anything unverifiable is rejected (422) and never
 * attached elsewhere; out-of-office replies and bounces are taken and dropped (never posted, never answered).
 */
export async function receiveEmailReply(
  db: Db,
  blobs: BlobStore,
  input: { raw: Buffer | string; inboundSecret?: string; envelopeFrom?: string },
): Promise<{ ticketId: string; messageId: string } | { ignored: AutomaticMail | "duplicate" }> {
  const workspaceId = input.inboundSecret ? await workspaceOfInboundSecret(db, input.inboundSecret) : undefined;
  const mail = await simpleParser(input.raw);
  const automatic = automaticMail(mail, input.envelopeFrom);
  if (automatic) {
    console.info(`[inbound-email] dropped an automatic mail (${automatic}) from ${from(mail)}`);
    return { ignored: automatic };
  }
  const references = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  const candidates = findReplyTokens([
    ...addresses(mail.to),
    ...addresses(mail.cc),
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...references,
  ]);
  for (const token of candidates) {
    const [ticket] = await db
      .select({
        id: tickets.id,
        customerEmail: tickets.customerEmail,
        workspace: workspaces,
        secret: notificationSettings.inboundEmailSecret,
      })
      .from(tickets)
      .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
      .innerJoin(notificationSettings, eq(notificationSettings.workspaceId, tickets.workspaceId))
      .where(and(eq(tickets.id, token.ticketId), workspaceId ? eq(tickets.workspaceId, workspaceId) : undefined));
    if (!ticket || !verifyReplyToken(ticket.secret, token)) continue;
    // A relay's retry, or a mail server's after our 250 got lost, brings the same Message-ID again.
    const emailId = mail.messageId?.slice(0, 998);
    if (emailId && (await alreadyPosted(db, ticket.id, emailId))) return { ignored: "duplicate" };
    const text = stripQuotedReply(mail.text ?? "");
    const files = mail.attachments.length
      ? await storeEmailAttachments(db, blobs, {
          workspaceId: ticket.workspace.id,
          ticketId: ticket.id,
          files: mail.attachments,
        })
      : undefined;
    // The token, not From, decides; but the agent sees when someone else (a forwarded colleague) answered.
    const sender = addresses(mail.from)[0]?.toLowerCase();
    const otherSender =
      sender && ticket.customerEmail && sender !== ticket.customerEmail.toLowerCase()
        ? `(Sent by email from ${sender}, not the ticket's customer address.)`
        : "";
    const note = [files?.note, otherSender].filter(Boolean).join("\n");
    const body = [text.slice(0, MAX_BODY - note.length - 2), note].filter(Boolean).join("\n\n");
    try {
      if (!body) throw new ServiceError("validation_failed", "The reply has no text above the quoted message");
      const posted = await db.transaction(async (tx) => {
        if (emailId) {
          const [first] = await tx
            .insert(inboundEmailReplies)
            .values({ ticketId: ticket.id, emailMessageId: emailId })
            .onConflictDoNothing()
            .returning();
          if (!first) return undefined; // the same mail, delivered twice at once: the other delivery posts it
        }
        const added = await addCustomerMessage(tx, {
          actor: { kind: "customer", workspace: ticket.workspace, scope: scopeOfReply(ticket.id) },
          ticketId: ticket.id,
          body,
        });
        return added.message;
      });
      if (!posted) {
        await files?.discard();
        return { ignored: "duplicate" };
      }
      return { ticketId: ticket.id, messageId: posted.id };
    } catch (error) {
      await files?.discard(); // a closed ticket takes no files either
      throw error;
    }
  }
  console.warn(`[inbound-email] rejected a mail from ${from(mail)}: no verified ticket token`);
  throw new ServiceError("validation_failed", "No signed ticket token in the To address or In-Reply-To/References");
}

async function alreadyPosted(db: Db, ticketId: string, emailMessageId: string): Promise<boolean> {
  const [row] = await db
    .select({ ticketId: inboundEmailReplies.ticketId })
    .from(inboundEmailReplies)
    .where(and(eq(inboundEmailReplies.ticketId, ticketId), eq(inboundEmailReplies.emailMessageId, emailMessageId)));
  return row !== undefined;
}

const from = (mail: ParsedMail) => addresses(mail.from).join(", ") || "unknown";

async function workspaceOfInboundSecret(db: Db, secret: string): Promise<string> {
  const [row] = await db
    .select({ workspaceId: notificationSettings.workspaceId })
    .from(notificationSettings)
    .where(eq(notificationSettings.inboundEmailSecret, secret));
  if (!row) throw notFound("Inbound address");
  return row.workspaceId;
}
