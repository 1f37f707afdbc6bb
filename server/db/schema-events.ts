import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ticketEvents } from "./schema.js";

/**
 * The live feed behind the SSE streams: one row per ticket event, written by a trigger in the same transaction
 * (migration live-events-trigger). `position` is assigned AFTER commit by one sequencer at a time, so readers that
 * ask for `position > n` never miss a row that committed late (identity ids can commit out of order).
 */
export const liveEvents = pgTable(
  "live_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null until sequenced; then strictly increasing in the order the sequencer saw commits. */
    position: bigint("position", { mode: "number" }),
    ticketEventId: bigint("ticket_event_id", { mode: "number" })
      .notNull()
      .references(() => ticketEvents.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    type: text("type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("live_events_position_idx").on(t.position),
    index("live_events_workspace_position_idx").on(t.workspaceId, t.position),
  ],
);
