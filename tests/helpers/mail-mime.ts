/**
 * What every fixture of mail-clients.ts shares: the reply being answered, and the MIME building blocks.
 * Raw replies as real mail clients send them (headers, MIME structure, transfer encodings and quoting habits copied
 * from captured messages, names and dates changed), answering the mail we sent: `replyTo` is its signed reply
 * address, `messageId` its Message-ID. Each returns the RFC 5322 text a relay or the SMTP listener receives.
 */
export interface Answering {
  replyTo: string;
  messageId: string;
  customer: string;
  from?: string;
}

export const CRLF = (lines: string[]) => lines.join("\r\n");
export const b64 = (text: string | Buffer, width = 76) =>
  (Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8"))
    .toString("base64")
    .replace(new RegExp(`.{${width}}`, "g"), "$&\r\n");

export function head(a: Answering, extra: string[], subject = "Re: [HO-1] Export fails") {
  return [
    `From: Jamie Doe <${a.from ?? a.customer}>`,
    `To: Acme Support <${a.replyTo}>`,
    `Subject: ${subject}`,
    "Date: Fri, 4 Dec 2026 09:12:33 +0100",
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.northwind.example>`,
    `In-Reply-To: ${a.messageId}`,
    `References: ${a.messageId}`,
    "MIME-Version: 1.0",
    ...extra,
  ];
}
