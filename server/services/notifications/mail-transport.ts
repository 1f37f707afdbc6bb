import nodemailer, { type Transporter } from "nodemailer";

const transports = new Map<string, Transporter>();

/** One pooled SMTP transport per URL (smtp://user:pass@host:587, smtps://… for implicit TLS). */
export function mailTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Where we send from and where threads are anchored: Message-IDs use the inbound domain, else the From's. */
export function mailDomain(mailFrom: string, inboundDomain?: string): string {
  return inboundDomain ?? /@([^>\s]+)/.exec(mailFrom)?.[1] ?? "handoff.local";
}
