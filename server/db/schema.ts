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
import { ticketSearchText } from "./ticket-search.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** What a ticket keeps of identify(): the fields as shown, and which of them a signature covered. */
export type StoredIdentity = Omit<Identity, "userHash" | "jwt"> & { verifiedFields?: string[] };

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
    /**
     * A key with its own identity secret (the demo app's) verifies identify() with it, never with the workspace's:
     * what the demo signs is worthless on the keys of the workspace's real apps.
     */
    identitySecret: text("identity_secret"),
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
    role: text("role", { enum: ["agent", "admin"] })
      .notNull()
      .default("agent"),
    tier: integer("tier").notNull().default(1),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    /** Available for assignment (not away); routing skips unavailable agents. */
    available: boolean("available").notNull().default(true),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The password was generated or set by someone else (first admin, admin-created, admin reset): change it first. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
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
    identity: jsonb("identity").$type<StoredIdentity>(),
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
    index("tickets_search_idx").using("gin", sql`to_tsvector('simple', ${ticketSearchText(t)})`),
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
    /** The sender's Idempotency-Key: a reply sent again after its answer was lost is stored once. */
    idempotencyKey: text("idempotency_key"),
    /**
     * The name a reply sent with an API token shows under (the token's name when it was sent; it outlives the token).
     * Null for a colleague's message, whose current name is read from agents so a rename shows everywhere.
     */
    authorName: text("author_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_ticket_idx").on(t.ticketId, t.createdAt),
    uniqueIndex("messages_ticket_idempotency_key").on(t.ticketId, t.idempotencyKey),
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

/** One replayable recording per ticket: where its gzip bytes are stored, plus what we learned parsing them. */
export const recordings = pgTable("recordings", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  /** Legacy: bytes stored in the row before blob storage; `npm run migrate:blobs` moves them to blobKey. */
  gzip: bytea("gzip"),
  /** The key in the blob store (server/storage); null only for rows not yet migrated. */
  blobKey: text("blob_key"),
  compressedBytes: integer("compressed_bytes").notNull(),
  rawBytes: integer("raw_bytes").notNull(),
  eventCount: integer("event_count").notNull(),
  startedAt: bigint("started_at", { mode: "number" }).notNull(),
  endedAt: bigint("ended_at", { mode: "number" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
