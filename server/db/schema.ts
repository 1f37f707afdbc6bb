import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
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
  siteKey: text("site_key").notNull().unique(),
  allowedOrigins: text("allowed_origins").array().notNull().default(sql`'{}'::text[]`),
  /** HMAC key the host app uses to sign identify() calls (userHash). */
  identitySecret: text("identity_secret").notNull(),
  /** HMAC key for per-ticket upload tokens; tokens are derived, so a retried create returns the same one. */
  uploadSecret: text("upload_secret").notNull(),
  ticketSeq: integer("ticket_seq").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

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
  ],
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
