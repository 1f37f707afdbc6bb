import { z } from "zod";
import { ticketStatuses } from "./agent-api.js";
import { messageBodySchema } from "./conversation.js";

/**
 * The customer's side of the conversation, called by the widget from the host page.
 *
 * Every call carries, like ticket creation: the site key (`X-Handoff-Key`) and the page's Origin (must be allowed),
 * plus WHO the customer is, one of:
 * - `X-Handoff-User`: JSON `{ "id", "userHash" }` from identify() (userHash = HMAC-SHA256 of the id with the
 *   workspace identity secret). Header values must be Latin-1: when the id has other characters, send
 *   base64url(UTF-8 JSON) instead; the server accepts both. When it verifies, the customer sees every ticket filed under that
 *   verified user id, on any device. A payload that does not verify is ignored (as if absent).
 * - `X-Handoff-Customer`: the per-browser token the widget keeps in localStorage and sends when creating tickets.
 *   Without a verified identity the customer sees only the anonymous tickets created with that token, never
 *   anyone else's (typing the same email gives nothing).
 * Neither: 401. A ticket outside the customer's scope is 404.
 *
 * Only public messages are returned; agents' internal notes never leave the server on these routes.
 *
 * New replies: poll `GET updates?since=<cursor>` every few seconds (first call without `since` returns just a
 * cursor). It returns public messages newer than the cursor (with a small overlap: de-duplicate by message id)
 * and tickets whose status changed. The widget shows an unread badge on the launcher for agent messages whose id
 * it has not displayed yet (kept in localStorage).
 */
export const CUSTOMER_PATHS = {
  conversations: "/api/v1/widget/conversations",
  messages: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/messages`,
  updates: "/api/v1/widget/updates",
} as const;

export const CUSTOMER_HEADERS = {
  siteKey: "X-Handoff-Key",
  customerToken: "X-Handoff-Customer",
  /** `{"id","userHash"}` as JSON, or base64url of that JSON when the id is not Latin-1. */
  user: "X-Handoff-User",
  /** On a reply: one random key per composed message, the same on every retry, so it is stored once. */
  idempotencyKey: "Idempotency-Key",
} as const;

export const customerMessageSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  /** "agent": a public reply from support; "customer": the customer's own message. */
  authorType: z.enum(["customer", "agent"]),
  /** The agent's display name for agent replies; null for the customer's own. */
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

export const customerTicketSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  subject: z.string(),
  /** The customer's first message (the ticket's description). */
  description: z.string(),
  status: z.enum(ticketStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Newest public message (or creation) time: conversations are listed newest activity first. */
  lastActivityAt: z.string(),
});
export type CustomerTicket = z.infer<typeof customerTicketSchema>;

/**
 * GET conversations: the customer's tickets, newest activity first, each with its newest public messages (up to 100,
 * oldest first); olderCursor, when set, pages further back through GET tickets/:id/messages?before=.
 */
export const customerConversationListSchema = z.object({
  conversations: z.array(
    customerTicketSchema.extend({
      messages: z.array(customerMessageSchema),
      olderCursor: z.string().nullable().optional(),
    }),
  ),
});
export type CustomerConversationList = z.infer<typeof customerConversationListSchema>;

/** GET tickets/:id/messages: one conversation. */
export const customerConversationSchema = z.object({
  ticket: customerTicketSchema,
  /** The newest page of the thread, oldest first; olderCursor (as ?before=) fetches the page before it. */
  messages: z.array(customerMessageSchema),
  olderCursor: z.string().nullable(),
});
export type CustomerConversation = z.infer<typeof customerConversationSchema>;

/**
 * POST tickets/:id/messages: the customer replies (201, the message). A reply reopens a pending or resolved
 * ticket; a closed ticket answers 409 (start a new conversation). With `Idempotency-Key`, the same reply sent again
 * answers 201 with the original message and `Idempotent-Replayed: true`; the key reused for other words is 409.
 */
export const customerMessageCreateSchema = z.object({ body: messageBodySchema });
export type CustomerMessageCreate = z.infer<typeof customerMessageCreateSchema>;

export const customerUpdatesQuerySchema = z.object({ since: z.string().max(100).optional() });

export const customerUpdatesSchema = z.object({
  /** Pass as `since` on the next poll. */
  cursor: z.string(),
  messages: z.array(customerMessageSchema),
  tickets: z.array(z.object({ id: z.uuid(), status: z.enum(ticketStatuses), updatedAt: z.string() })),
});
export type CustomerUpdates = z.infer<typeof customerUpdatesSchema>;
