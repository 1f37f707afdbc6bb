import { type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../lib/rows-of.js";
import type { Db } from "./client.js";

interface DriverClient {
  /** postgres.js (through preparedStatements when statements are prepared). */
  unsafe?: (text: string, params: unknown[]) => Promise<unknown>;
  /** PGlite. */
  query?: (text: string, params: unknown[], options: { rowMode: "object" }) => Promise<{ rows: unknown[] }>;
}

/**
 * A statement whose text never changes, run with positional parameters ($1, $2, …) on the driver itself: the hot
 * paths (a ticket's insert, the rate limit's counters) build no query per request, where drizzle's sql template walks
 * every chunk and parameter each time. postgres.js prepares it once per connection, as it does drizzle's statements
 * (prepared-statements.ts); PGlite parses it like any query. In a transaction (no driver client) it goes through
 * drizzle, built from the same text.
 */
export function prebuilt<Row>(text: string): (db: Db, params: unknown[]) => Promise<Row[]> {
  let viaDrizzle: ((params: unknown[]) => SQL) | undefined;
  return async (db, params) => {
    const client = (db as { $client?: DriverClient }).$client;
    if (typeof client?.unsafe === "function") return (await client.unsafe(text, params)) as Row[];
    if (typeof client?.query === "function")
      return (await client.query(text, params, { rowMode: "object" })).rows as Row[];
    viaDrizzle ??= drizzleOf(text);
    return rowsOf<Row>(await db.execute(viaDrizzle(params)));
  };
}

/** The same statement as a drizzle sql template: $n becomes the nth parameter. */
function drizzleOf(text: string): (params: unknown[]) => SQL {
  const parts = text.split(/\$(\d+)/);
  return (params) => {
    const chunks: SQL[] = [];
    for (let i = 0; i < parts.length; i++) {
      chunks.push(i % 2 === 0 ? sql.raw(parts[i]!) : sql`${params[Number(parts[i]) - 1]}`);
    }
    return sql.join(chunks);
  };
}
