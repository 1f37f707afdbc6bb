import { existsSync } from "node:fs";
import { TEST_DIST } from "./paths.js";
import { writePgliteTemplate } from "./pglite-template.js";

/**
 * Builds the widget and console once per run, as production builds (JSX development:false), for the browser tests,
 * and meanwhile migrates the one PGlite every in-memory test database is copied from.
 */
export default async function setup() {
  await Promise.all([timed("migrated the PGlite template", writePgliteTemplate), build()]);
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
