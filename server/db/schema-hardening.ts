/**
 * Tables of the hardening work (issue 11). The rate-limit counters are an UNLOGGED table created by hand-written SQL
 * (migrations/*_hardening-rate-limits.sql), so they are not declared here.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tickets, workspaces } from "./schema.js";

/** The SHA-256 of the upload that stored a ticket's recording: a retry of the same bytes is a no-op, others are 409. */
export const recordingUploads = pgTable("recording_uploads", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  sha256: text("sha256").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Pages that ran the widget with one of the workspace's site keys from an origin nobody allowed: their customers'
 * tickets were refused. Shown to admins (with "Allow") so a developer who pasted the script tag learns why nothing
 * arrives. Any page can send any Origin with a public key, so a workspace keeps only its most recent few.
 */
export const refusedOrigins = pgTable(
  "refused_origins",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    origin: text("origin").notNull(),
    /** Requests refused, counted by each process and written at most once a minute per origin. */
    refusals: integer("refusals").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.origin] }),
    index("refused_origins_recent").on(t.workspaceId, t.lastSeenAt),
  ],
);
