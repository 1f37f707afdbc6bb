import { isCursorId, isCursorTime } from "../../lib/cursor-parts.js";
import { type SQL, sql } from "drizzle-orm";
import { messages } from "../../db/schema.js";
import { ServiceError } from "../service-error.js";

/** A message's position for paging: created_at to the microsecond (as text, so no driver rounds it) and its id. */
export const messageCursorAt = sql<string>`to_char(${messages.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Messages older than the cursor, in (created_at, id) order. */
export function olderThan(cursor: string): SQL {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!isCursorTime(iso) || !isCursorId(id)) {
    throw new ServiceError("validation_failed", "Invalid cursor", [
      { path: "before", message: "not a cursor from this API" },
    ]);
  }
  return sql`(${messages.createdAt}, ${messages.id}) < (${iso}::timestamptz, ${id}::uuid)`;
}

/**
 * Rows fetched newest first with limit + 1: the newest `limit`, turned oldest first, and the cursor to the page
 * before them (null when the oldest message is in this page).
 */
export function newestPage<T extends { cursorAt: string; id: string }>(
  rows: T[],
  limit: number,
): { page: T[]; olderCursor: string | null } {
  const page = rows.slice(0, limit).reverse();
  const oldest = page[0];
  return {
    page,
    olderCursor:
      rows.length > limit && oldest ? Buffer.from(`${oldest.cursorAt}|${oldest.id}`).toString("base64url") : null,
  };
}
