import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed links in customer emails: unsubscribe and the post-escalation survey. A link names its ticket with an HMAC
 * of the purpose and the ticket id under the workspace's unsubscribe secret, so whoever holds it may do that one thing
 * for that ticket and nothing else; a survey link never passes for an unsubscribe link (or the reverse), and the
 * format differs from reply tokens so neither can pass for one.
 */
const FORMAT = /^([0-9a-f]{32})\.([0-9a-f]{32})$/;

export type TicketLinkPurpose = "unsubscribe" | "survey";

const signature = (secret: string, purpose: TicketLinkPurpose, ticketId: string) =>
  createHmac("sha256", secret).update(`${purpose}:${ticketId}`).digest("hex").slice(0, 32);

export function ticketLinkToken(secret: string, purpose: TicketLinkPurpose, ticketId: string): string {
  return `${ticketId.replace(/-/g, "")}.${signature(secret, purpose, ticketId)}`;
}

export const unsubscribeToken = (secret: string, ticketId: string) => ticketLinkToken(secret, "unsubscribe", ticketId);

/** The ticket a link claims, before any check; undefined when it is not even shaped like one. */
export function parseTicketLinkToken(token: string): { ticketId: string; sig: string } | undefined {
  const match = FORMAT.exec(token.toLowerCase());
  if (!match) return undefined;
  const h = match[1]!;
  const ticketId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { ticketId, sig: match[2]! };
}

export function verifyTicketLinkToken(
  secret: string,
  purpose: TicketLinkPurpose,
  token: { ticketId: string; sig: string },
): boolean {
  const expected = Buffer.from(signature(secret, purpose, token.ticketId));
  const given = Buffer.from(token.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
