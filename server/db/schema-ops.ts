import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who runs a periodic pass right now, when several server processes share the database: the holder renews its lease
 * each pass; when it stops renewing (process gone), another process takes over after expires_at.
 */
export const opsLeases = pgTable("ops_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
