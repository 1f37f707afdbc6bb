/**
 * Blob storage, attachments, retention and erasure (issue 16). Blobs themselves live in object storage or the data
 * directory; the blobs table is the PostgreSQL fallback only.
 */
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agents, messages, tickets, workspaces } from "./schema.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const blobs = pgTable("blobs", {
  key: text("key").primaryKey(),
  bytes: bytea("bytes").notNull(),
  size: integer("size").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A file a customer or an agent attached to a ticket (and, once sent, to the message it went with). */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    authorType: text("author_type", { enum: ["customer", "agent"] }).notNull(),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    blobKey: text("blob_key").notNull(),
    /**
     * The file's place among those picked in the widget's form, which upload in parallel and finish in any order.
     * Null for files attached one at a time later (conversation, console, email): they follow, oldest first.
     */
    position: integer("position"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_ticket_idx").on(t.ticketId, t.createdAt)],
);

/** Per-workspace retention: recordings are deleted after recordingDays; closed tickets anonymised after N days. */
export const retentionSettings = pgTable("retention_settings", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  recordingDays: integer("recording_days").notNull().default(90),
  anonymiseClosedAfterDays: integer("anonymise_closed_after_days"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What was erased or deleted, by whom and how much: never who the person was. */
export const privacyAudit = pgTable(
  "privacy_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    action: text("action", {
      enum: ["customer_erased", "ticket_deleted", "tickets_anonymised", "recordings_expired", "customer_exported"],
    }).notNull(),
    actorId: uuid("actor_id").references(() => agents.id, { onDelete: "set null" }),
    /** Ticket references and counts; no email, name or content. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("privacy_audit_workspace_idx").on(t.workspaceId, t.at)],
);

/** Tickets whose personal data was removed (erasure or retention): the retention sweep skips them. */
export const anonymisedTickets = pgTable("anonymised_tickets", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
