import { existsSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { freshDatabase } from "../helpers/databases.js";
import { ROOT } from "../helpers/paths.js";

const journal = JSON.parse(readFileSync(`${ROOT}server/db/migrations/meta/_journal.json`, "utf8")) as {
  entries: unknown[];
};

/** In-memory test databases start from the run's migrated template (server/db/client.ts, tests/helpers/pglite-template.ts). */
describe("in-memory PGlite test databases", () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it("start from the run's template with every migration applied, and share nothing with each other", async () => {
    expect(existsSync(process.env.HANDOFF_TEST_PGLITE_TEMPLATE!)).toBe(true);
    const [first, second] = [await freshDatabase("pglite"), await freshDatabase("pglite")];
    opened.push(first, second);
    const applied = async (database: Database) =>
      rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      )[0]?.n;
    expect([await applied(first), await applied(second)]).toEqual([journal.entries.length, journal.entries.length]);
    await first.db.execute(sql`create table only_in_first (id int)`);
    const tables = async (database: Database) =>
      rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from pg_tables where tablename = 'only_in_first'`),
      )[0]?.n;
    expect([await tables(first), await tables(second)]).toEqual([1, 0]);
  });
});
