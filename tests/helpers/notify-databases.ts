import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDatabaseStatement } from "./postgres-template.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import {
  connectionOptions,
  openDatabase,
  parseDatabaseUrl,
  type Database,
  type DbKind,
} from "../../server/db/client.js";

/** A fresh database like freshDatabase(), keeping its URL: graphile-worker opens its own pool on it. */
export async function freshDatabaseWithUrl(kind: DbKind): Promise<{ database: Database; databaseUrl?: string }> {
  if (kind === "pglite") return { database: await openDatabase({}) };
  const base = process.env.TEST_DATABASE_URL!;
  const name = `handoff_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(connectionOptions(base, 1));
  await admin.unsafe(createDatabaseStatement(name));
  const url = parseDatabaseUrl(base);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = await openDatabase({ databaseUrl });
  return {
    databaseUrl,
    database: {
      ...database,
      async close() {
        await database.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    },
  };
}

/** Polls until check() returns a truthy value (or throws on the deadline): tests wait for conditions, not time. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 20_000,
): Promise<Exclude<T, false | 0 | "" | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | 0 | "" | null | undefined>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * True once no notification waits in the outbox and no job is due or running (the in-process queue on PGlite, graphile-worker's on PostgreSQL): what a
 * change queued has been done, so "no mail was sent" can be asserted, not guessed after a sleep.
 */
export async function jobsSettled(db: Database["db"]): Promise<boolean> {
  const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(query))[0]?.n);
  if (
    (await count(sql`select count(*)::int as n from handoff_jobs where run_at <= now() and attempts < max_attempts`)) >
    0
  )
    return false;
  // New tickets' events wait in the outbox until their jobs are queued (flush-notification-outbox.ts).
  if ((await count(sql`select count(*)::int as n from notification_outbox`)) > 0) return false;
  const [graphile] = rowsOf<{ ok: boolean }>(
    await db.execute(sql`select to_regclass('graphile_worker._private_jobs') is not null as ok`),
  );
  if (!graphile?.ok) return true;
  return (
    (await count(
      sql`select count(*)::int as n from graphile_worker._private_jobs where run_at <= now() and attempts < max_attempts`,
    )) === 0
  );
}
