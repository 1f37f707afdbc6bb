import { z } from "zod";

/** Events a webhook endpoint (or Slack) can subscribe to; payloads are documented in docs/webhooks.md. */
export const webhookEventTypes = [
  "ticket.created",
  "ticket.triaged",
  "ticket.assigned",
  "ticket.escalated",
  "ticket.bounced",
  "ticket.resolved",
  "message.created",
  "feedback.received",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Slack hears the events a team acts on at once. */
export const slackEventTypes = ["ticket.escalated", "ticket.critical", "ticket.ping_pong"] as const;
export type SlackEventType = (typeof slackEventTypes)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: "Must be an http(s) URL" }).max(2000, "At most 2000 characters");

export const webhookCreateSchema = z.object({
  url: httpUrl,
  events: z.array(z.enum(webhookEventTypes)).min(1, "Pick at least one event").max(webhookEventTypes.length),
  description: z.string().trim().max(200).optional(),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z.object({
  url: httpUrl.optional(),
  events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length).optional(),
  description: z.string().trim().max(200).nullable().optional(),
  enabled: z.boolean().optional(),
  /** Issues a new secret; the old one keeps signing as a second signature until the next rotation. */
  rotateSecret: z.boolean().optional(),
});
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  messageId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  latencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export const slackSettingsSchema = z.object({
  /** Slack's incoming-webhook URL (https://hooks.slack.com/…); http is accepted for self-hosted compatibles. */
  webhookUrl: httpUrl.nullable(),
  events: z.array(z.enum(slackEventTypes)).max(slackEventTypes.length),
});
export type SlackSettingsInput = z.infer<typeof slackSettingsSchema>;

export const notificationSettingsUpdateSchema = z.object({
  allowPrivateTargets: z.boolean().optional(),
  rotateInboundSecret: z.boolean().optional(),
});

export interface NotificationSettingsView {
  smtpConfigured: boolean;
  mailFrom: string | null;
  inboundEmailSecret: string;
  inboundEmailDomain: string | null;
  allowPrivateTargets: boolean;
  slack: { webhookUrl: string | null; events: SlackEventType[] };
}

/** What an agent is emailed about; each is on unless turned off. */
export const agentEmailKinds = ["assigned", "escalated", "bounced", "critical"] as const;
export type AgentEmailKind = (typeof agentEmailKinds)[number];

export const agentNotificationPrefsSchema = z.object({
  email: z.partialRecord(z.enum(agentEmailKinds), z.boolean()),
});
export type AgentNotificationPrefs = { email: Record<AgentEmailKind, boolean> };
