import { z } from "zod";
import { LIMITS } from "./limits.js";
import { severities, ticketStatuses } from "./agent-api.js";
import { ticketEventSchema } from "./timeline.js";
import { ticketSeenSchema } from "./ticket-seen.js";

/** Agent-side conversation and ticket updates (the customer's side is in customer-api.ts). */
export const CONVERSATION_PATHS = {
  ticketMessages: (id: string) => `/api/v1/tickets/${id}/messages`,
  /** The ticket's timeline events (shared/timeline.ts), oldest first. */
  ticketEvents: (id: string) => `/api/v1/tickets/${id}/events`,
} as const;

export const messageBodySchema = z.string().trim().min(1, "required").max(LIMITS.messageBody);

export const agentMessageCreateSchema = z
  .object({
    body: messageBodySchema,
    /** An internal note: agents only, never sent to the customer. */
    internal: z.boolean().default(false),
    /**
     * For a public reply: the newest message the sender has seen (null: none yet). A colleague's public reply stored
     * after it refuses the reply (409 reply_conflict, nothing stored); resend with the newer id to send anyway.
     * Left out, no check (API clients as before). Ignored for internal notes.
     */
    lastSeenMessageId: z.uuid().nullable().optional(),
  })
  // An unknown field is refused, not dropped: `is_internal: true` sent a note meant for agents to the customer.
  .strict();
export type AgentMessageCreate = z.infer<typeof agentMessageCreateSchema>;

export const messageSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorType: z.enum(["customer", "agent"]),
  /** The agent's id for agent messages, null for the customer's. */
  agentId: z.uuid().nullable(),
  /** Agent's name, or the customer's name/email. */
  authorName: z.string(),
  body: z.string(),
  internal: z.boolean(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/**
 * GET …/messages (agents' and customers'): the newest `limit` messages, oldest first. A long conversation pages back
 * with `before` = the previous answer's olderCursor, which is null once the first message is included.
 */
export const messagePageQuerySchema = z
  .object({
    before: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  // `after=` or `page=2` is refused rather than answered with the newest page again.
  .strict();
export type MessagePageQuery = z.infer<typeof messagePageQuerySchema>;

export const messageListSchema = z.object({ messages: z.array(messageSchema), olderCursor: z.string().nullable() });
export type MessageList = z.infer<typeof messageListSchema>;

/**
 * PATCH /api/v1/tickets/:id: any subset; assigneeId null unassigns, "me" assigns the caller (the agent, or an API token's
 * creator), as the queue's assignee=me filter reads. Each change lands on the ticket's timeline.
 */
export const ticketUpdateSchema = z
  .object({
    /** Not "escalated": escalating goes through the escalation workflow and its required handoff note. */
    status: z
      .enum(ticketStatuses)
      .refine((s) => s !== "escalated", "escalate with the escalation workflow (it needs a handoff note)")
      .optional(),
    severity: z.enum(severities).nullable().optional(),
    queue: z.string().trim().min(1).max(64).nullable().optional(),
    assigneeId: z
      .union([z.literal("me", "an agent id, me or null"), z.uuid("an agent id, me or null")])
      .nullable()
      .optional(),
    seen: ticketSeenSchema.optional(),
  })
  .strict()
  .refine(
    ({ seen: _seen, ...changes }) => Object.keys(changes).length > 0,
    "nothing to change: send status, severity, queue or assigneeId",
  );
export type TicketUpdate = z.infer<typeof ticketUpdateSchema>;

export const ticketEventListSchema = z.object({ events: z.array(ticketEventSchema) });
export type TicketEventList = z.infer<typeof ticketEventListSchema>;
