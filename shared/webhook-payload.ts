import { z } from "zod";
import { severities, ticketStatuses } from "./agent-api.js";
import { agentFeedbackSchema, customerFeedbackSchema } from "./metrics.js";
import { type WebhookEventType, webhookEventTypes } from "./notifications-api.js";

/**
 * The body of every webhook Handoff sends (Standard Webhooks: { type, timestamp, data }), one schema per event type.
 * The server's payload builder is typed by it and the OpenAPI document's `webhooks` are generated from it. `details`
 * name the keys each timeline event carries (shared/timeline.ts); receivers should ignore keys they do not know.
 */
export const webhookTicketSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  subject: z.string(),
  status: z.enum(ticketStatuses),
  severity: z.enum(severities).nullable(),
  tier: z.number().int(),
  queue: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  customerEmail: z.string(),
  createdAt: z.string(),
  /** The ticket in the agent console. */
  url: z.string(),
});

export const webhookMessageSchema = z.object({
  id: z.uuid(),
  authorType: z.enum(["customer", "agent"]),
  body: z.string(),
});

const uuidOrNull = z.uuid().nullable();
const messageDetails = z.looseObject({ messageId: z.uuid() });

/** Which timeline event(s) each webhook event is made from, and the details they carry. */
const EVENTS = {
  "ticket.created": { types: ["created"], details: z.looseObject({ verified: z.boolean().optional() }) },
  "ticket.triaged": {
    types: ["triaged"],
    details: z.looseObject({
      severity: z.enum(severities),
      tier: z.number().int(),
      queue: z.string().nullable(),
      priority: z.number().int(),
    }),
  },
  "ticket.assigned": {
    types: ["assigned"],
    details: z.looseObject({
      agentId: z.uuid(),
      previousAgentId: uuidOrNull.optional(),
      reason: z.string().optional(),
    }),
  },
  "ticket.escalated": {
    types: ["escalated"],
    details: z.looseObject({
      escalationId: z.uuid(),
      fromTier: z.number().int(),
      toTier: z.number().int(),
      toQueue: z.string().nullable().optional(),
      toAgentId: uuidOrNull.optional(),
    }),
  },
  "ticket.bounced": {
    types: ["bounced"],
    details: z.looseObject({
      escalationId: z.uuid(),
      reason: z.string(),
      toTier: z.number().int(),
      toAgentId: uuidOrNull.optional(),
    }),
  },
  "ticket.resolved": {
    types: ["status_changed"],
    details: z.looseObject({ from: z.enum(ticketStatuses), to: z.literal("resolved") }),
  },
  "message.created": { types: ["replied", "customer_replied"], details: messageDetails },
  "feedback.received": {
    types: ["feedback"],
    details: z.looseObject({
      respondent: z.enum(["customer", "agent"]),
      answers: z.union([customerFeedbackSchema, agentFeedbackSchema]),
    }),
  },
} as const satisfies Record<WebhookEventType, { types: readonly string[]; details: z.ZodType }>;

function payloadSchema<T extends WebhookEventType>(type: T) {
  const { types, details } = EVENTS[type];
  const event = z.object({
    /** The timeline event (shared/timeline.ts) behind it. */
    type: z.enum(types as unknown as [string, ...string[]]),
    actorType: z.enum(["agent", "customer", "system"]),
    actorId: uuidOrNull,
    details,
  });
  const data = { workspaceId: z.uuid(), ticket: webhookTicketSchema, event };
  return z.object({
    type: z.literal(type),
    /** When the event happened (ISO 8601); the delivery time is the webhook-timestamp header. */
    timestamp: z.string(),
    // A message event always names its message (never an internal note); no other event carries one.
    data: type === "message.created" ? z.object({ ...data, message: webhookMessageSchema }) : z.object(data),
  });
}

export const webhookPayloadSchemas = Object.fromEntries(webhookEventTypes.map((t) => [t, payloadSchema(t)])) as {
  [T in WebhookEventType]: ReturnType<typeof payloadSchema<T>>;
};

/** Any webhook body Handoff sends for a ticket event. */
export type WebhookPayload = z.infer<(typeof webhookPayloadSchemas)[WebhookEventType]>;
