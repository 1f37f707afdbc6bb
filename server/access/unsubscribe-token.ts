import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Unsubscribe links: a customer email names its ticket with an HMAC of the ticket id under the workspace's
 * unsubscribe secret. Whoever holds the link may stop (or restart) that customer's emails and nothing else; the
 * format differs from reply tokens so one can never pass for the other.
 */
const FORMAT = /^([0-9a-f]{32})\.([0-9a-f]{32})$/;

const signature = (secret: string, ticketId: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${ticketId}`).digest("hex").slice(0, 32);

export function unsubscribeToken(secret: string, ticketId: string): string {
  return `${ticketId.replace(/-/g, "")}.${signature(secret, ticketId)}`;
}

/** The ticket a link claims, before any check; undefined when it is not even shaped like one. */
export function parseUnsubscribeToken(token: string): { ticketId: string; sig: string } | undefined {
  const match = FORMAT.exec(token.toLowerCase());
  if (!match) return undefined;
  const h = match[1]!;
  const ticketId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { ticketId, sig: match[2]! };
}

export function verifyUnsubscribeToken(secret: string, token: { ticketId: string; sig: string }): boolean {
  const expected = Buffer.from(signature(secret, token.ticketId));
  const given = Buffer.from(token.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
