import { existsSync } from "node:fs";
import { TEST_DIST } from "./paths.js";

/** Builds the widget and console once per run, as production builds (JSX development:false), for the browser tests. */
export default async function setup() {
  // For quick runs of server-only tests while iterating: HANDOFF_SKIP_BUILD=1 reuses the last build.
  if (process.env.HANDOFF_SKIP_BUILD === "1") return;
  const { buildAll } = await import("../../scripts/build.js");
  const started = Date.now();
  await buildAll({ outDir: TEST_DIST, quiet: true });
  console.log(`[tests] built widget and console into ${TEST_DIST} in ${Date.now() - started} ms`);
  if (!existsSync(`${TEST_DIST}/widget/widget.js`)) throw new Error("widget build produced no widget.js");
}
