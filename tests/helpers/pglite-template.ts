import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ROOT } from "./paths.js";

/** Where the migrated PGlite data directory goes; vitest.config.ts hands it to the tests as HANDOFF_TEST_PGLITE_TEMPLATE. */
export const PGLITE_TEMPLATE = `${ROOT}.tmp/pglite-template.tar`;

/**
 * A fresh PGlite migrated with today's migrations, dumped to PGLITE_TEMPLATE (written whole, then renamed): every
 * in-memory database of the run starts from it (server/db/client.ts) instead of running initdb again.
 */
export async function writePgliteTemplate(): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite();
  try {
    await migrate(drizzle(client), { migrationsFolder: `${ROOT}server/db/migrations` });
    const dump = await client.dumpDataDir("none");
    mkdirSync(dirname(PGLITE_TEMPLATE), { recursive: true });
    const partial = `${PGLITE_TEMPLATE}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, PGLITE_TEMPLATE);
  } finally {
    await client.close();
  }
}
