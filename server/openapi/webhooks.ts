import type { z } from "zod";
import { type WebhookEventType, webhookEventTypes } from "../../shared/notifications-api.js";
import { type WebhookPayload, webhookPayloadSchemas, type webhookTicketSchema } from "../../shared/webhook-payload.js";

type Json = Record<string, unknown>;

const SUMMARIES: Record<WebhookEventType, string> = {
  "ticket.created": "A customer filed a ticket",
  "ticket.triaged": "Triage set the ticket's severity, tier, queue and priority",
  "ticket.assigned": "The ticket was assigned to an agent (routing, claim or by hand)",
  "ticket.escalated": "An agent escalated the ticket with a handoff",
  "ticket.bounced": "The receiving side sent an escalation back",
  "ticket.resolved": "The ticket was resolved",
  "message.created": "A customer message or a public agent reply (internal notes never)",
  "feedback.received": "The customer or the receiving agent answered the post-escalation questions",
};

/** The Standard Webhooks headers on every delivery (https://www.standardwebhooks.com). */
const HEADERS: Json[] = [
  {
    name: "webhook-id",
    in: "header",
    required: true,
    description: "`msg_…`: the same across retries and redeliveries of one event; deduplicate on it.",
    schema: { type: "string", pattern: "^msg_" },
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    description: "Unix seconds of this attempt; reject ones too far from now (replays).",
    schema: { type: "string", pattern: "^[0-9]+$" },
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    description:
      'Space-separated `v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">` under the endpoint\'s `whsec_` secret (base64 after the prefix); after a rotation the previous secret signs a second one. Each attempt is signed anew.',
    schema: { type: "string", pattern: "^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$" },
  },
];

const IDS = {
  workspace: "7c0e5a52-3f8e-4d61-9a54-2c1f0b7e9d10",
  ticket: "f4b1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  agent: "a2d9e8f7-6c5b-4a3d-9e1f-0a1b2c3d4e5f",
  firstAgent: "9e1f2a3b-4c5d-4e6f-8a7b-1c2d3e4f5a6b",
  escalation: "3b4c5d6e-7f80-4912-a3b4-c5d6e7f80912",
  message: "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
};

/** One believable body per event: the escalation of HO-42, told event by event. */
export function webhookExample(type: WebhookEventType): WebhookPayload {
  const ticket: z.infer<typeof webhookTicketSchema> = {
    id: IDS.ticket,
    reference: "HO-42",
    subject: "Export fails",
    status: "open",
    severity: "high",
    tier: 1,
    queue: "technical",
    assigneeId: IDS.firstAgent,
    customerEmail: "jamie@northwind.example",
    createdAt: "2026-12-03T05:58:10.000Z",
    url: `https://support.example.com/console/tickets/${IDS.ticket}`,
  };
  const escalated = { ...ticket, status: "escalated" as const, tier: 2, assigneeId: IDS.agent };
  const resolved = { ...escalated, status: "resolved" as const };
  const agent = (actorId: string) => ({ actorType: "agent" as const, actorId });
  const system = { actorType: "system" as const, actorId: null };
  const bodies: Record<WebhookEventType, { ticket: typeof ticket; event: Json; message?: Json }> = {
    "ticket.created": {
      ticket: { ...ticket, severity: null, queue: null, assigneeId: null },
      event: { type: "created", actorType: "customer", actorId: null, details: { verified: true, recording: true } },
    },
    "ticket.triaged": {
      ticket: { ...ticket, assigneeId: null },
      event: { type: "triaged", ...system, details: { severity: "high", tier: 1, queue: "technical", priority: 70 } },
    },
    "ticket.assigned": {
      ticket,
      event: { type: "assigned", ...system, details: { agentId: IDS.firstAgent, reason: "routing" } },
    },
    "ticket.escalated": {
      ticket: escalated,
      event: {
        type: "escalated",
        ...agent(IDS.firstAgent),
        details: {
          escalationId: IDS.escalation,
          fromTier: 1,
          toTier: 2,
          fromQueue: "technical",
          toQueue: "technical",
          fromAgentId: IDS.firstAgent,
          toAgentId: IDS.agent,
        },
      },
    },
    "ticket.bounced": {
      ticket: { ...ticket, assigneeId: IDS.firstAgent },
      event: {
        type: "bounced",
        ...agent(IDS.agent),
        details: {
          escalationId: IDS.escalation,
          reason: "The replay shows a typo in the export filter; tier 1 can fix it",
          toTier: 1,
          toAgentId: IDS.firstAgent,
        },
      },
    },
    "ticket.resolved": {
      ticket: resolved,
      event: { type: "status_changed", ...agent(IDS.agent), details: { from: "escalated", to: "resolved" } },
    },
    "message.created": {
      ticket: escalated,
      event: { type: "replied", ...agent(IDS.agent), details: { messageId: IDS.message } },
      message: { id: IDS.message, authorType: "agent", body: "Fixed on our side: could you try the export again?" },
    },
    "feedback.received": {
      ticket: resolved,
      event: {
        type: "feedback",
        actorType: "customer",
        actorId: null,
        details: {
          respondent: "customer",
          answers: { repeatedThemselves: false, peopleTalkedTo: 2, resolvedInReasonableTime: true },
        },
      },
    },
  };
  // Parsed like the real ones (event-payload.ts), so an example that drifts from the schema fails the build's tests.
  return webhookPayloadSchemas[type].parse({
    type,
    timestamp: "2026-12-03T06:00:00.000Z",
    data: { workspaceId: IDS.workspace, ...bodies[type] },
  });
}

/** OpenAPI 3.1 `webhooks`: what Handoff POSTs to an endpoint per event, generated from shared/webhook-payload.ts. */
export function webhookDocs(schemaOf: (schema: z.ZodType, io: "input" | "output") => Json): Json {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `webhook${type.replace(/(^|\.)(.)/g, (_m, _d, c: string) => c.toUpperCase())}`,
          tags: ["Webhook events"],
          summary: SUMMARIES[type],
          description:
            "Sent to each enabled endpoint subscribed to this event. Answer 2xx within 10 s (`HANDOFF_WEBHOOK_TIMEOUT_MS`); anything else is retried with the same `webhook-id` (about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h), re-signed per attempt.",
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: schemaOf(webhookPayloadSchemas[type], "output"),
                example: webhookExample(type),
              },
            },
          },
          responses: {
            "2XX": { description: "Received. Any other status, or none within the timeout, is retried." },
          },
        },
      },
    ]),
  );
}
