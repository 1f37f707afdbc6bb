import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agents, ticketEvents, tickets, workspaces } from "./schema.js";

/** A queue's own Slack channel: it hears that queue's tickets (the workspace channel hears every queue). */
export interface SlackQueueChannel {
  queue: string;
  webhookUrl: string;
  events: string[];
}

/**
 * New tickets' events whose notifications job is not queued yet. The ingest path writes here instead of queueing the
 * job itself: queueing NOTIFYs, and PostgreSQL commits NOTIFYing transactions one at a time (flush-notification-outbox.ts).
 */
export const notificationOutbox = pgTable("notification_outbox", {
  eventId: bigint("event_id", { mode: "number" })
    .primaryKey()
    .references(() => ticketEvents.id, { onDelete: "cascade" }),
});

/**
 * The in-process job queue used on the embedded PGlite (PostgreSQL uses graphile-worker). handoff_add_job()
 * writes here when graphile-worker's schema is absent, so a job is always enqueued in the caller's transaction.
 */
export const handoffJobs = pgTable(
  "handoff_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(25),
    /** Replaces a pending job with the same key (e.g. one sweep per workspace). */
    jobKey: text("job_key"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("handoff_jobs_job_key").on(t.jobKey),
    index("handoff_jobs_due_idx").on(t.runAt, t.id).where(sql`${t.lockedAt} is null`),
  ],
);

/** A customer-run HTTP endpoint that receives signed Standard Webhooks for the events it picked. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    /** whsec_…; the previous one keeps signing (a second signature) during a rotation. */
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_workspace_idx").on(t.workspaceId)],
);

/** One message to one endpoint: the same webhook-id across its retries and redeliveries. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The webhook-id header: msg_… */
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    responseExcerpt: text("response_excerpt"),
    latencyMs: integer("latency_ms"),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc())],
);

/** Per-workspace channels: Slack, inbound email, and whether outbound requests may reach private addresses. */
export const notificationSettings = pgTable("notification_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  slackWebhookUrl: text("slack_webhook_url"),
  slackEvents: text("slack_events").array().notNull().default(sql`'{}'::text[]`),
  slackQueues: jsonb("slack_queues").$type<SlackQueueChannel[]>().notNull().default([]),
  /** Path secret of POST /api/v1/inbound/email/:inboundSecret and HMAC key of reply tokens. */
  inboundEmailSecret: text("inbound_email_secret").notNull(),
  /** SSRF guard off: lets webhooks reach loopback/private addresses (self-hosted receivers, tests). */
  allowPrivateTargets: boolean("allow_private_targets").notNull().default(false),
  /** HMAC key of customers' unsubscribe links; apart from the inbound secret so rotating that keeps them working. */
  unsubscribeSecret: text("unsubscribe_secret")
    .notNull()
    .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An agent's choice per notification kind (assigned, escalated, bounced, critical); absent means on. */
export const agentNotificationPrefs = pgTable("agent_notification_prefs", {
  agentId: uuid("agent_id")
    .primaryKey()
    .references(() => agents.id, { onDelete: "cascade" }),
  email: jsonb("email").$type<Record<string, boolean>>().notNull().default({}),
  /** Off: no notification email at all, whatever the kinds say. */
  emailEnabled: boolean("email_enabled").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Customers who asked for no more email (RFC 8058 one-click or the confirmation page): about one ticket, or, with
 * no ticket, about anything from this workspace.
 */
export const customerEmailUnsubscribes = pgTable(
  "customer_email_unsubscribes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Lower-cased. */
    email: text("email").notNull(),
    ticketId: uuid("ticket_id").references(() => tickets.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_email_unsubscribes_ticket").on(t.workspaceId, t.email, t.ticketId),
    uniqueIndex("customer_email_unsubscribes_all").on(t.workspaceId, t.email).where(sql`${t.ticketId} is null`),
  ],
);

/** Emailed replies already posted, by their Message-ID: a relay's or a mail server's retry posts nothing twice. */
export const inboundEmailReplies = pgTable(
  "inbound_email_replies",
  {
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    emailMessageId: text("email_message_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.emailMessageId] })],
);
