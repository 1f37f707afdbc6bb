import { existsSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connectionOptions, type Database, type DbKind } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ROOT } from "../helpers/paths.js";

const journal = JSON.parse(readFileSync(`${ROOT}server/db/migrations/meta/_journal.json`, "utf8")) as {
  entries: unknown[];
};

/** The run's template exists: the PGlite dump (tests/helpers/pglite-template.ts) or the PostgreSQL database (postgres-template.ts). */
async function templateExists(kind: DbKind): Promise<boolean> {
  if (kind === "pglite") return existsSync(process.env.HANDOFF_TEST_PGLITE_TEMPLATE!);
  const admin = postgres(connectionOptions(process.env.TEST_DATABASE_URL!, 1));
  try {
    const name = process.env.HANDOFF_TEST_POSTGRES_TEMPLATE!;
    return (await admin`select 1 from pg_database where datname = ${name}`).length === 1;
  } finally {
    await admin.end();
  }
}

/** Test databases are copies of the run's migrated template instead of each being created and migrated anew. */
describe.each(DATABASE_KINDS)("test databases on %s", (kind) => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it("start from the run's template with every migration applied, and share nothing with each other", async () => {
    expect(await templateExists(kind)).toBe(true);
    const [first, second] = [await freshDatabase(kind), await freshDatabase(kind)];
    opened.push(first, second);
    const count = async (database: Database, query: ReturnType<typeof sql>) =>
      rowsOf<{ n: number }>(await database.db.execute(query))[0]?.n;
    const applied = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect([await count(first, applied), await count(second, applied)]).toEqual([
      journal.entries.length,
      journal.entries.length,
    ]);
    await first.db.execute(sql`create table only_in_first (id int)`);
    const tables = sql`select count(*)::int as n from pg_tables where tablename = 'only_in_first'`;
    expect([await count(first, tables), await count(second, tables)]).toEqual([1, 0]);
  });
});
