import { existsSync } from "node:fs";
import { TEST_DIST } from "./paths.js";
import { writePgliteTemplate } from "./pglite-template.js";
import { postgresTemplateName, writePostgresTemplate } from "./postgres-template.js";

/**
 * Builds the widget and console once per run, as production builds (JSX development:false), for the browser tests,
 * and meanwhile migrates the one PGlite every in-memory test database is copied from and the PostgreSQL template
 * every PostgreSQL test database is created from. Returns the teardown that drops the latter.
 */
export default async function setup() {
  let dropTemplate = async () => {};
  const databaseUrl = process.env.TEST_DATABASE_URL;
  // As vitest.config.ts names it for the tests (the same process).
  const template = process.env.HANDOFF_TEST_POSTGRES_TEMPLATE ?? postgresTemplateName(databaseUrl);
  const postgresTemplate = async () => {
    if (databaseUrl && template) dropTemplate = await writePostgresTemplate(databaseUrl, template);
  };
  await Promise.all([
    timed("migrated the PGlite template", writePgliteTemplate),
    timed("migrated the PostgreSQL template", postgresTemplate),
    build(),
  ]);
  return () => dropTemplate();
}

async function build() {
  // For quick runs of server-only tests while iterating: HANDOFF_SKIP_BUILD=1 reuses the last build.
  if (process.env.HANDOFF_SKIP_BUILD === "1") return;
  const { buildAll } = await import("../../scripts/build.js");
  await timed(`built widget and console into ${TEST_DIST}`, () => buildAll({ outDir: TEST_DIST, quiet: true }));
  if (!existsSync(`${TEST_DIST}/widget/widget.js`)) throw new Error("widget build produced no widget.js");
}

async function timed(what: string, work: () => Promise<unknown>) {
  const started = Date.now();
  await work();
  console.log(`[tests] ${what} in ${Date.now() - started} ms`);
}
