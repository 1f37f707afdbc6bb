import type { ParsedMail } from "mailparser";

export type AutomaticMail = "auto_reply" | "bounce";

/** The header's raw value (unfolded), as sent: mailparser reshapes some (addresses, Content-Type) into objects. */
const header = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? "";
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
};

/**
 * Mail no person wrote: out-of-office and other auto-replies (RFC 3834 Auto-Submitted, X-Autoreply/X-Autorespond,
 * Precedence bulk/junk/auto_reply) and delivery or read reports (multipart/report, a null Return-Path). Posting them
 * would reopen the ticket, and answering them could start a mail loop. Precedence: list is not one: a customer whose
 * address is a group mails through it.
 */
export function automaticMail(mail: ParsedMail, envelopeFrom?: string): AutomaticMail | undefined {
  if (/^multipart\/report\b/i.test(header(mail, "content-type"))) return "bounce";
  // A null sender (MAIL FROM:<>) is how reports and RFC 3834 responders send; a person's mail never has one.
  if (envelopeFrom === "" || /^<\s*>$/.test(header(mail, "return-path"))) return "auto_reply";
  const submitted = header(mail, "auto-submitted").toLowerCase();
  if (submitted && submitted !== "no") return "auto_reply";
  if (["x-autoreply", "x-autorespond", "x-autoresponder"].some((name) => header(mail, name))) return "auto_reply";
  if (/^(bulk|junk|auto_reply)$/i.test(header(mail, "precedence"))) return "auto_reply";
  return undefined;
}
