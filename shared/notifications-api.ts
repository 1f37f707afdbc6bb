import { z } from "zod";

/** Events a webhook endpoint (or Slack) can subscribe to; payloads: shared/webhook-payload.ts (OpenAPI `webhooks`). */
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

export const webhookCreateSchema = z
  .object({
    url: httpUrl,
    events: z.array(z.enum(webhookEventTypes)).min(1, "Pick at least one event").max(webhookEventTypes.length),
    description: z.string().trim().max(200).optional(),
  })
  // Unknown fields are refused (422 at their path), not dropped: `event_types` or `active: false` changed nothing.
  .strict();
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
  .object({
    url: httpUrl.optional(),
    events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length).optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
    /** Issues a new secret; the old one keeps signing as a second signature until the next rotation. */
    rotateSecret: z.boolean().optional(),
  })
  .strict();
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;

export const webhookEndpointViewSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  /** Only in the answer that created or rotated it. */
  secret: z.string().optional(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

export const webhookDeliveryViewSchema = z.object({
  id: z.uuid(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  responseExcerpt: z.string().nullable(),
  latencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

/** A queue's own channel: it hears that queue's tickets; the workspace channel keeps hearing every queue. */
export const slackQueueChannelSchema = z.object({
  queue: z.string().trim().min(1, "Name the queue").max(100),
  webhookUrl: httpUrl,
  events: z.array(z.enum(slackEventTypes)).max(slackEventTypes.length),
});
export type SlackQueueChannelInput = z.infer<typeof slackQueueChannelSchema>;

export const slackSettingsSchema = z.object({
  /** Slack's incoming-webhook URL (https://hooks.slack.com/…); http is accepted for self-hosted compatibles. */
  webhookUrl: httpUrl.nullable(),
  events: z.array(z.enum(slackEventTypes)).max(slackEventTypes.length),
  /** Replaces every queue channel when given; left out, they stay as they are. */
  queues: z
    .array(slackQueueChannelSchema)
    .max(100)
    .refine((list) => new Set(list.map((q) => q.queue)).size === list.length, "One channel per queue")
    .optional(),
});
export type SlackSettingsInput = z.infer<typeof slackSettingsSchema>;

export const notificationSettingsUpdateSchema = z.object({
  allowPrivateTargets: z.boolean().optional(),
  rotateInboundSecret: z.boolean().optional(),
});

export const notificationSettingsViewSchema = z.object({
  smtpConfigured: z.boolean(),
  mailFrom: z.string().nullable(),
  inboundEmailSecret: z.string(),
  inboundEmailDomain: z.string().nullable(),
  allowPrivateTargets: z.boolean(),
  slack: z.object({
    webhookUrl: z.string().nullable(),
    events: z.array(z.enum(slackEventTypes)),
    queues: z.array(slackQueueChannelSchema),
  }),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

/** What an agent is emailed about; each is on unless turned off. */
export const agentEmailKinds = ["assigned", "escalated", "bounced", "critical"] as const;
export type AgentEmailKind = (typeof agentEmailKinds)[number];

/** A change to my notifications: the email switch, and/or some kinds on or off (the others keep their value). */
export const agentNotificationPrefsSchema = z.object({
  emailEnabled: z.boolean().optional(),
  email: z.partialRecord(z.enum(agentEmailKinds), z.boolean()).optional(),
});

export const agentNotificationPrefsViewSchema = z.object({
  /** Off: no notification email at all. */
  emailEnabled: z.boolean(),
  email: z.record(z.enum(agentEmailKinds), z.boolean()),
  /** Whether this server sends email at all (HANDOFF_SMTP_URL); the choices are kept either way. */
  smtpConfigured: z.boolean(),
});
export type AgentNotificationPrefs = z.infer<typeof agentNotificationPrefsViewSchema>;

/** Admin → Notifications → Send test email: to the admin's own address unless another is given. */
export const testEmailRequestSchema = z.object({
  to: z.email("Must be an email address").max(320).optional(),
});

export const testEmailResultSchema = z.object({
  /** Whether the SMTP server accepted the message (not whether it reached the inbox). */
  ok: z.boolean(),
  to: z.string(),
  /** What happened, in words: the server's acceptance, or why it failed (connection, login, recipient refused…). */
  message: z.string(),
  /** The SMTP server's last reply line, e.g. "250 2.0.0 Ok: queued" or "550 5.1.1 No such user". */
  smtpResponse: z.string().nullable(),
  ms: z.number().int(),
});
export type TestEmailResult = z.infer<typeof testEmailResultSchema>;

/** GET /api/v1/notifications/jobs (admin): the workspace's outbound work (emails, Slack, webhooks) that failed. */
export const jobIssueSchema = z.object({
  id: z.string(),
  /** The job's kind: email.customer, email.agent, email.admins, slack.post, webhooks.deliver, notifications.event(s). */
  name: z.string(),
  /** retrying: it runs again at runAt; failed: out of attempts, kept with its last error. */
  state: z.enum(["retrying", "failed"]),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
});
export type JobIssue = z.infer<typeof jobIssueSchema>;
