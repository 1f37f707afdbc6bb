import type { InlineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { CONSOLE_BASE } from "./src/base.js";

const CONSOLE_ROOT = fileURLToPath(new URL(".", import.meta.url));

/**
 * The agent console as a plain Vite SPA (entry console/index.html), served by the server at /console/.
 * JSX is always compiled for production so builds run from tests behave like shipped ones.
 */
export function consoleBuildConfig(outDir: string): InlineConfig {
  return {
    root: CONSOLE_ROOT,
    base: CONSOLE_BASE,
    publicDir: false,
    define: { "process.env.NODE_ENV": '"production"' },
    oxc: { jsx: { runtime: "automatic", importSource: "preact", development: false } },
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: true,
      // rrweb-player is lazy-loaded on the ticket screen; it is big by nature.
      chunkSizeWarningLimit: 600,
    },
  };
}
