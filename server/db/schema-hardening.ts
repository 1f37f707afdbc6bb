/**
 * Tables of the hardening work (issue 11). The rate-limit counters are an UNLOGGED table created by hand-written SQL
 * (migrations/*_hardening-rate-limits.sql), so they are not declared here.
 */
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tickets } from "./schema.js";

/** The SHA-256 of the upload that stored a ticket's recording: a retry of the same bytes is a no-op, others are 409. */
export const recordingUploads = pgTable("recording_uploads", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  sha256: text("sha256").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
