import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who runs a periodic pass right now, when several server processes share the database: the holder renews its lease
 * each pass; when it stops renewing (process gone), another process takes over after expires_at.
 */
export const opsLeases = pgTable("ops_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/**
 * Open event streams per cap key (agent, customer, address), one row per server process and key with its count: the
 * caps hold across processes. A process's rows count while its `live:<holder>` lease in ops_leases is current, so a
 * process that died stops counting once its lease lapses, without anyone cleaning up first.
 */
export const liveConnectionCounts = pgTable(
  "live_connection_counts",
  {
    holder: text("holder").notNull(),
    key: text("key").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.holder, t.key] }), index("live_connection_counts_key").on(t.key)],
);
