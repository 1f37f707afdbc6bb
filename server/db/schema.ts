import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
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
import type { CaptureContext, Identity } from "../../shared/context.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The first site key, created with the workspace; further keys live in site_keys. */
  siteKey: text("site_key").notNull().unique(),
  allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
  /** HMAC key the host app uses to sign identify() calls (userHash). */
  identitySecret: text("identity_secret").notNull(),
  /** HMAC key for per-ticket upload tokens; tokens are derived, so a retried create returns the same one. */
  uploadSecret: text("upload_secret").notNull(),
  ticketSeq: integer("ticket_seq").notNull().default(0),
  /** Workspace-tunable numbers (escalation timers, ping-pong thresholds…); defaults live in the services. */
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Extra public site keys an admin creates (e.g. one per app or environment). */
export const siteKeys = pgTable(
  "site_keys",
  {
    key: text("key").primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("site_keys_workspace_idx").on(t.workspaceId)],
);

export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["agent", "admin"] }).notNull().default("agent"),
    tier: integer("tier").notNull().default(1),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    /** Available for assignment (not away); routing skips unavailable agents. */
    available: boolean("available").notNull().default(true),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agents_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a leaked table does not leak sessions. */
    tokenHash: text("token_hash").primaryKey(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_agent_idx").on(t.agentId)],
);

export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    reference: text("reference").notNull(),
    idempotencyKey: text("idempotency_key"),
    /** sha256 of the create body, so a reused idempotency key with another body is refused. */
    requestHash: text("request_hash"),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    customerEmail: text("customer_email").notNull(),
    customerName: text("customer_name"),
    /** The host app's user id, set only when identify() verified: lets that user see their tickets on any device. */
    customerId: text("customer_id"),
    /** sha256 of the per-browser token of the browser that filed it: an anonymous customer sees only these. */
    browserTokenHash: text("browser_token_hash"),
    identity: jsonb("identity").$type<Omit<Identity, "userHash">>(),
    verified: boolean("verified").notNull().default(false),
    pageUrl: text("page_url").notNull(),
    pageTitle: text("page_title"),
    openedAt: bigint("opened_at", { mode: "number" }),
    submittedAt: bigint("submitted_at", { mode: "number" }),
    context: jsonb("context").$type<CaptureContext>().notNull(),
    status: text("status", { enum: ["open", "pending", "escalated", "resolved", "closed"] })
      .notNull()
      .default("open"),
    severity: text("severity", { enum: ["critical", "high", "medium", "low"] }),
    tier: integer("tier").notNull().default(1),
    queue: text("queue"),
    priority: integer("priority").notNull().default(0),
    assigneeId: uuid("assignee_id").references(() => agents.id, { onDelete: "set null" }),
    /** Which matrix rules fired and why, and the classifier's suggestion: shown on the ticket. */
    triage: jsonb("triage").$type<Record<string, unknown>>(),
    /** Handoff fields the matrix requires on escalation. */
    requiredHandoffFields: text("required_handoff_fields").array().notNull().default(sql`'{}'::text[]`),
    escalationSuggestedReason: text("escalation_suggested_reason"),
    pingPong: boolean("ping_pong").notNull().default(false),
    escalationCount: integer("escalation_count").notNull().default(0),
    tierEnteredAt: timestamp("tier_entered_at", { withTimezone: true }).notNull().defaultNow(),
    lastAgentActivityAt: timestamp("last_agent_activity_at", { withTimezone: true }),
    lastAgentReplyAt: timestamp("last_agent_reply_at", { withTimezone: true }),
    customerRepliesSinceAgent: integer("customer_replies_since_agent").notNull().default(0),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Signals read from the captured context at creation (rage_clicks, failed_requests, console_errors…), for list flags. */
    signals: text("signals").array().notNull().default(sql`'{}'::text[]`),
    recordingStatus: text("recording_status", { enum: ["none", "pending", "stored"] })
      .notNull()
      .default("none"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tickets_workspace_number_key").on(t.workspaceId, t.number),
    uniqueIndex("tickets_workspace_idempotency_key").on(t.workspaceId, t.idempotencyKey),
    index("tickets_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("tickets_workspace_status_idx").on(t.workspaceId, t.status, t.createdAt.desc()),
    index("tickets_workspace_queue_idx").on(t.workspaceId, t.queue, t.status),
    index("tickets_workspace_assignee_idx").on(t.workspaceId, t.assigneeId, t.status),
    index("tickets_workspace_priority_idx").on(t.workspaceId, t.status, t.priority.desc(), t.createdAt),
    // The "all statuses" queue in its exact order (per-status views use tickets_workspace_priority_idx).
    index("tickets_queue_order_idx").on(t.workspaceId, t.priority.desc(), t.createdAt, t.id),
    index("tickets_customer_idx").on(t.workspaceId, t.customerId),
    index("tickets_browser_token_idx").on(t.workspaceId, t.browserTokenHash),
    index("tickets_search_idx").using(
      "gin",
      sql`to_tsvector('simple', ${t.subject} || ' ' || ${t.description})`,
    ),
  ],
);

/** The conversation: customer messages, agents' public replies and internal notes. */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorType: text("author_type", { enum: ["customer", "agent"] }).notNull(),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Internal notes are for agents only; the customer's widget never receives them. */
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_ticket_idx").on(t.ticketId, t.createdAt),
    index("messages_search_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
  ],
);

/**
 * Append-only timeline of everything that happens to a ticket (created, triaged, assigned, escalated, bounced,
 * de_escalated, status_changed, replied, customer_replied, note_added, escalation_suggested, ping_pong, feedback).
 * Escalation metrics are computed from it.
 */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    actorType: text("actor_type", { enum: ["agent", "customer", "system"] }).notNull(),
    actorId: uuid("actor_id").references(() => agents.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId, t.at),
    index("ticket_events_workspace_type_idx").on(t.workspaceId, t.type, t.at),
    // The metrics' incremental refresh reads one workspace's events past its watermark.
    index("ticket_events_workspace_id_idx").on(t.workspaceId, t.id),
  ],
);

/** A structured handoff: what was tried, why it moves, what the customer wants, and where to look in the replay. */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    fromTier: integer("from_tier").notNull(),
    toTier: integer("to_tier").notNull(),
    fromQueue: text("from_queue"),
    toQueue: text("to_queue"),
    fromAgentId: uuid("from_agent_id").references(() => agents.id, { onDelete: "set null" }),
    toAgentId: uuid("to_agent_id").references(() => agents.id, { onDelete: "set null" }),
    summary: text("summary").notNull(),
    attempted: jsonb("attempted").$type<{ action: string; result: string }[]>().notNull(),
    reason: text("reason").notNull(),
    customerGoal: text("customer_goal").notNull(),
    replayMoments: jsonb("replay_moments").$type<{ atMs: number; note: string }[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    bouncedBy: uuid("bounced_by").references(() => agents.id, { onDelete: "set null" }),
    bounceReason: text("bounce_reason"),
  },
  (t) => [index("escalations_ticket_idx").on(t.ticketId, t.createdAt)],
);

/** Versioned escalation matrix: each save is a new row with who made it; the highest version is in force. */
export const escalationMatrices = pgTable(
  "escalation_matrices",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    rules: jsonb("rules").$type<unknown[]>().notNull(),
    createdBy: uuid("created_by").references(() => agents.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.version] })],
);

/** Answers after an escalated ticket is resolved: the customer's three, the receiving agent's one. */
export const feedback = pgTable(
  "feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    respondent: text("respondent", { enum: ["customer", "agent"] }).notNull(),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("feedback_ticket_respondent_key").on(t.ticketId, t.respondent)],
);

/** One replayable recording per ticket: the gzip bytes as uploaded, plus what we learned parsing them. */
export const recordings = pgTable("recordings", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  gzip: bytea("gzip").notNull(),
  compressedBytes: integer("compressed_bytes").notNull(),
  rawBytes: integer("raw_bytes").notNull(),
  eventCount: integer("event_count").notNull(),
  startedAt: bigint("started_at", { mode: "number" }).notNull(),
  endedAt: bigint("ended_at", { mode: "number" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Escalation metrics' pre-aggregation: one row per ticket, folded from its timeline (server/lib/fold-ticket-facts.ts)
 * and refreshed incrementally from ticket_events (refresh-ticket-facts.ts). The dashboard reads only this table,
 * through (workspace_id, created_at), so its cost follows one workspace's period, not the whole history.
 */
export const ticketFacts = pgTable(
  "ticket_facts",
  {
    ticketId: uuid("ticket_id")
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The queue the ticket started in. */
    category: text("category"),
    plan: text("plan"),
    firstAgentId: uuid("first_agent_id"),
    resolverId: uuid("resolver_id"),
    /** Final resolution: null while open, reopened or escalated after its last resolution. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    firstEscalatedAt: timestamp("first_escalated_at", { withTimezone: true }),
    msToFirstEscalation: bigint("ms_to_first_escalation", { mode: "number" }),
    msResolutionAfterEscalation: bigint("ms_resolution_after_escalation", { mode: "number" }),
    msToResolution: bigint("ms_to_resolution", { mode: "number" }),
    escalations: integer("escalations").notNull().default(0),
    bounces: integer("bounces").notNull().default(0),
    reopens: integer("reopens").notNull().default(0),
    pingPong: boolean("ping_pong").notNull().default(false),
    firstContactResolved: boolean("first_contact_resolved").notNull().default(false),
    agentsTouched: integer("agents_touched").notNull().default(0),
    /** The agent who sent each escalation, in order (an agent may appear several times). */
    escalatedBy: uuid("escalated_by").array().notNull().default(sql`'{}'::uuid[]`),
    /** Stages in order: [{ tier, agentId, enteredAt, ms, via }]. */
    path: jsonb("path").$type<unknown[]>().notNull().default([]),
    /** "POST /api/export 500": the first failed request the widget captured, ids normalised. */
    failingEndpoint: text("failing_endpoint"),
    /** The first console error, numbers and URLs normalised, so the same bug groups across customers. */
    errorFingerprint: text("error_fingerprint"),
    /** The newest ticket_events id folded in: the refresh skips tickets already up to date. */
    lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
    /** 0..63 from the ticket id: percentiles of a huge cohort read a bounded, unbiased sample (see metrics-percentiles.ts). */
    sample: integer("sample").notNull().default(0),
  },
  (t) => [
    index("ticket_facts_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // Every column the percentile query reads is in the index, so a big cohort's sample is an index-only scan (no heap
    // page per sampled ticket).
    index("ticket_facts_escalated_sample_idx")
      .on(t.workspaceId, t.sample, t.createdAt, t.category, t.plan, t.firstAgentId, t.msToFirstEscalation, t.msResolutionAfterEscalation)
      .where(sql`${t.escalations} > 0`),
    // Anomalies and the weekly review look at when escalations happened, not when tickets were created.
    index("ticket_facts_workspace_escalated_idx").on(t.workspaceId, t.firstEscalatedAt),
  ],
);

/** Last ticket_events id folded into ticket_facts, per workspace. */
export const metricsWatermarks = pgTable("metrics_watermarks", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  /** False until the rollups were built from this workspace's facts (then they are maintained incrementally). */
  rollupsBuilt: boolean("rollups_built").notNull().default(false),
});

/**
 * Pre-aggregated cohort counts per UTC creation day x category x first agent x plan ('' = none), maintained from
 * ticket_facts in the same transaction as each refold (new contribution minus old), so sums stay exact and a
 * dashboard query reads one row per group and day instead of one per ticket.
 */
export const metricsDaily = pgTable(
  "metrics_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Which dimensions are ANY ('*'): bit 0 category, 1 first agent, 2 plan. First in the key, so a query reads only its grain. */
    grain: integer("grain").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    firstAgent: text("first_agent").notNull(),
    plan: text("plan").notNull(),
    tickets: integer("tickets").notNull().default(0),
    escalated: integer("escalated").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
    reopened: integer("reopened").notNull().default(0),
    firstContactResolved: integer("first_contact_resolved").notNull().default(0),
    escalatedResolved: integer("escalated_resolved").notNull().default(0),
    pingPong: integer("ping_pong").notNull().default(0),
    escalations: integer("escalations").notNull().default(0),
    bounced: integer("bounced").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.category, t.firstAgent, t.plan] })],
);

/** Escalations each agent sent and tickets each resolved, per cohort key (creation day, category, first agent, plan). */
export const metricsAgentDaily = pgTable(
  "metrics_agent_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    grain: integer("grain").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    firstAgent: text("first_agent").notNull(),
    plan: text("plan").notNull(),
    agentId: text("agent_id").notNull(),
    escalationsSent: integer("escalations_sent").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.category, t.firstAgent, t.plan, t.agentId] }),
    // The key plus both sums: a long period's per-agent table is an index-only scan. Without it, each day's rows of a
    // grain sit on that day's pages between the other grains' rows, and a year reads one heap page per row.
    index("metrics_agent_daily_sums_idx").on(t.workspaceId, t.grain, t.day, t.category, t.firstAgent, t.plan, t.agentId, t.escalationsSent, t.resolved),
  ],
);

/** Tickets first escalated per UTC day and category: the anomaly detector's weekly series. */
export const metricsEscalationDaily = pgTable(
  "metrics_escalation_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    category: text("category").notNull(),
    escalated: integer("escalated").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.category] })],
);

/**
 * Tickets per UTC creation day, category and plan ('' = none) by failing endpoint / error fingerprint (kind), so the
 * insights read days x values rows instead of the period's tickets. `customers` counts distinct customers within the
 * row (one day, category and plan): exact per row, so a sum over rows is an upper bound of the period's distinct
 * customers (a customer who reports the same problem on two days counts twice).
 */
export const metricsSignalDaily = pgTable(
  "metrics_signal_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    plan: text("plan").notNull(),
    value: text("value").notNull(),
    tickets: integer("tickets").notNull().default(0),
    customers: integer("customers").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.day, t.category, t.plan, t.value] })],
);

/** Which customers make up metrics_signal_daily.customers: written by the rollup maintenance only, never read by a dashboard query. */
export const metricsSignalCustomers = pgTable(
  "metrics_signal_customers",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    plan: text("plan").notNull(),
    value: text("value").notNull(),
    customer: text("customer").notNull(),
    tickets: integer("tickets").notNull().default(0),
    /** 0..63 from the customer: a huge period counts the distinct customers of a sample of slots (see topSignalValues). */
    slot: integer("slot").notNull().generatedAlwaysAs(sql`hashtext(customer) & 63`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.day, t.category, t.plan, t.value, t.customer] }),
    // Per value and slot, the days of the period: exact counts probe all 64 slots, sampled ones a few; index-only.
    index("metrics_signal_customers_sample_idx").on(t.workspaceId, t.kind, t.value, t.slot, t.day, t.category, t.plan, t.customer),
  ],
);
