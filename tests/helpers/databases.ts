import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDatabaseStatement } from "./postgres-template.js";
import {
  connectionOptions,
  openDatabase,
  parseDatabaseUrl,
  type Database,
  type DbKind,
} from "../../server/db/client.js";

/** CI (and HANDOFF_REQUIRE_ALL=1) must run every database and the browser; a laptop may skip what it lacks. */
export const REQUIRE_ALL = process.env.CI === "true" || process.env.HANDOFF_REQUIRE_ALL === "1";
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (REQUIRE_ALL && !TEST_DATABASE_URL) {
  throw new Error("TEST_DATABASE_URL is required in CI: the suite must run on PostgreSQL as well as PGlite");
}

/** The databases this run covers; PostgreSQL only when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: DbKind[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
if (!TEST_DATABASE_URL && !process.env.HANDOFF_QUIET_SKIPS) {
  console.warn("[tests] TEST_DATABASE_URL is not set: integration tests run on PGlite only (PostgreSQL skipped).");
}

/**
 * A fresh, migrated database: PGlite in memory, or a new PostgreSQL database created next to
 * TEST_DATABASE_URL's and dropped by the teardown.
 */
export async function freshDatabase(kind: DbKind): Promise<Database> {
  if (kind === "pglite") return openDatabase({});
  const base = parseDatabaseUrl(TEST_DATABASE_URL!);
  const name = `handoff_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(connectionOptions(TEST_DATABASE_URL!, 1));
  await admin.unsafe(createDatabaseStatement(name));
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
