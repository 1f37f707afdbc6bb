import { createHmac, timingSafeEqual } from "node:crypto";
import type { CustomerScope } from "./customer-scope.js";

/**
 * Reply tokens: a mail we send names its ticket with an HMAC of the ticket id under the workspace's inbound secret,
 * in the reply address (reply+<token>@domain) and in Message-ID/References. Only a verified token attaches an inbound
 * mail to a ticket; rotating the secret retires every token.
 */
const TOKEN = /([0-9a-f]{32})-([0-9a-f]{24})/gi;

const signature = (secret: string, ticketId: string) =>
  createHmac("sha256", secret).update(`reply:${ticketId}`).digest("hex").slice(0, 24);

export function replyToken(secret: string, ticketId: string): string {
  return `${ticketId.replace(/-/g, "")}-${signature(secret, ticketId)}`;
}

/** Every ticket a header or address claims, as { ticketId, sig }; none is trusted before verifyReplyToken. */
export function findReplyTokens(texts: string[]): Array<{ ticketId: string; sig: string }> {
  const found = new Map<string, { ticketId: string; sig: string }>();
  for (const text of texts)
    for (const [, hex, sig] of text.matchAll(TOKEN)) {
      const h = hex!.toLowerCase();
      const ticketId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      found.set(`${ticketId}-${sig}`, { ticketId, sig: sig!.toLowerCase() });
    }
  return [...found.values()];
}

export function verifyReplyToken(secret: string, token: { ticketId: string; sig: string }): boolean {
  const expected = Buffer.from(signature(secret, token.ticketId));
  const given = Buffer.from(token.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A verified reply speaks for the customer of exactly the ticket its token names. */
export const scopeOfReply = (ticketId: string): CustomerScope => ({ kind: "ticket", ticketId });
