import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { opsLeases } from "../../db/schema-ops.js";

/** This process, as a lease holder. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * True when this process holds (took or renewed) the named lease for the next ttlMs: the one process that runs a
 * periodic pass when many share the database. Another process takes over once the holder stops renewing.
 */
export async function takeLease(db: Db, input: { name: string; ttlMs: number; holder?: string }): Promise<boolean> {
  const rows = await db
    .insert(opsLeases)
    .values({
      name: input.name,
      holder: input.holder ?? PROCESS_ID,
      expiresAt: sql`now() + make_interval(secs => ${input.ttlMs / 1000})`,
    })
    .onConflictDoUpdate({
      target: opsLeases.name,
      set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
      setWhere: or(lt(opsLeases.expiresAt, sql`now()`), eq(opsLeases.holder, sql`excluded.holder`)),
    })
    .returning({ holder: opsLeases.holder });
  return rows.length > 0;
}
