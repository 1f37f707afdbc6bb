import { build, type InlineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { widgetBuildConfigs } from "../widget/build-config.js";
import { consoleBuildConfig } from "../console/build-config.js";
import { precompress } from "./precompress.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = fileURLToPath(new URL("../dist", import.meta.url));

/**
 * Builds the widget (dist/widget) and the console (dist/console), then precompresses both (brotli and gzip next to
 * each file, served by Accept-Encoding). Used by `npm run build` and the e2e tests.
 */
export async function buildAll(options: { outDir?: string; quiet?: boolean } = {}): Promise<void> {
  const outDir = options.outDir ?? DIST;
  const configs: InlineConfig[] = [...widgetBuildConfigs(`${outDir}/widget`), consoleBuildConfig(`${outDir}/console`)];
  for (const config of configs) {
    await build({ ...config, configFile: false, logLevel: options.quiet ? "warn" : "info" });
  }
  await precompress(`${outDir}/widget`, { zopfli: true });
  await precompress(`${outDir}/console`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAll();
}
