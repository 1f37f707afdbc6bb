import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connectionOptions, openDatabase, type Database, type DbKind } from "../../server/db/client.js";

/** A fresh database like freshDatabase(), keeping its URL: graphile-worker opens its own pool on it. */
export async function freshDatabaseWithUrl(kind: DbKind): Promise<{ database: Database; databaseUrl?: string }> {
  if (kind === "pglite") return { database: await openDatabase({}) };
  const base = process.env.TEST_DATABASE_URL!;
  const name = `handoff_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(connectionOptions(base, 1));
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
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
