import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { refusedOrigins } from "../../db/schema-hardening.js";

/** A workspace keeps this many refused origins, the most recent: any page can send any Origin with a public key. */
export const REFUSED_ORIGINS_KEPT = 20;
const WRITE_EVERY_MS = 10_000;
const MAX_PENDING = 1_000;
/** What browsers send as Origin: scheme://host[:port], or "null" (a file:// page, a sandboxed frame). */
const ORIGIN_SHAPE = /^(?:null|[a-z][a-z0-9+.-]*:\/\/[^\s/?#]{1,253})$/i;

const pending = new Map<string, { refusals: number; writtenAt: number }>();

/**
 * Counts a request refused because its page's origin is not allowed, and writes the count to the workspace's refused
 * origins at most every 10 s per origin and process (refusals between writes are added to the next one). Returns
 * true when it wrote, so the caller logs the refusal as often.
 */
export async function recordRefusedOrigin(
  db: Db,
  input: { workspaceId: string; origin: string; now?: number },
): Promise<boolean> {
  const { workspaceId, origin } = input;
  if (origin.length > 300 || !ORIGIN_SHAPE.test(origin)) return false;
  const key = `${workspaceId} ${origin}`;
  const now = input.now ?? Date.now();
  if (!pending.has(key) && pending.size >= MAX_PENDING) pending.clear();
  const entry = pending.get(key) ?? { refusals: 0, writtenAt: 0 };
  entry.refusals++;
  pending.set(key, entry);
  if (entry.writtenAt > now - WRITE_EVERY_MS) return false;
  const refusals = entry.refusals;
  entry.refusals = 0;
  entry.writtenAt = now;
  await db
    .insert(refusedOrigins)
    .values({ workspaceId, origin, refusals })
    .onConflictDoUpdate({
      target: [refusedOrigins.workspaceId, refusedOrigins.origin],
      set: { refusals: sql`${refusedOrigins.refusals} + ${refusals}`, lastSeenAt: sql`now()` },
    });
  const kept = db
    .select({ origin: refusedOrigins.origin })
    .from(refusedOrigins)
    .where(eq(refusedOrigins.workspaceId, workspaceId))
    .orderBy(desc(refusedOrigins.lastSeenAt))
    .limit(REFUSED_ORIGINS_KEPT);
  await db
    .delete(refusedOrigins)
    .where(and(eq(refusedOrigins.workspaceId, workspaceId), notInArray(refusedOrigins.origin, kept)));
  return true;
}
