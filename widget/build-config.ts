import type { InlineConfig, Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { COPY_SUFFIX, conversationCopies, SHARED_BY_FORM_AND_CONVERSATION } from "./build-chunk-copies.js";
import { inlineRolldownRuntime } from "./build-inline-runtime.js";
import { preactOnFrozenPages } from "./build-preact-frozen.js";
import { patchedRrwebRecord } from "./build-rrweb-patch.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const JSX_H = "__jsxH";
const JSX_FRAGMENT = "__jsxFragment";

/**
 * Imports preact's h and Fragment into each .tsx file for classic JSX. Vite's oxc.jsxInject would do it for every
 * module in a bundled build, .ts included, and preact's side effects then tie every chunk to the launcher chunk.
 */
function classicJsx(): Plugin {
  return {
    name: "handoff-classic-jsx",
    enforce: "pre",
    transform(code, id) {
      if (!/\.tsx$/.test(id.split("?")[0])) return undefined;
      return { code: `import { h as ${JSX_H}, Fragment as ${JSX_FRAGMENT} } from "preact";${code}`, map: null };
    },
  };
}

/** Shared by every build: production JSX (never the dev runtime, even when tests set NODE_ENV), minified. */
const common = {
  configFile: false,
  publicDir: false,
  // The widget runs on other people's pages: no dev-only code, no process.env lookups.
  define: { "process.env.NODE_ENV": '"production"' },
  // Classic JSX (h, imported by classicJsx()): h(type, props, ...children) is shorter at every element than
  // jsx(type, {...props, children}), and the launcher chunk need not carry preact's jsx-runtime next to h.
  oxc: { jsx: { runtime: "classic", pragma: JSX_H, pragmaFrag: JSX_FRAGMENT, development: false } },
} satisfies InlineConfig;

/**
 * Lazy chunks by purpose, so a page loads few files: capture (right after the launcher shows), form (dialog + ticket
 * transport, on intent: hover or focus of the launcher, first open, or a saved ticket to retry), conversation (only
 * core.ts's import() reaches it; it imports nothing from the form, so a visitor with conversations gets the badge and
 * live updates without the form). The recorder is an entry of its own (stable name). The plumbing the form and the
 * conversation view share is copied into both in the script-tag build (build-chunk-copies.ts), into capture in the
 * ESM build.
 */
function chunkFor(id: string, launcher: boolean): string | undefined {
  // Without this the form group would also capture preact itself, which the launcher needs up front.
  // The same goes for the core strings and the local "anything to follow?" check, which later chunks import too.
  if (/\/preact\/dist\/|\/widget\/(ui\/strings|conversation\/known|transport\/(customer-key|outbox-flag))\./.test(id))
    return "app";
  // The script tag's launcher path (app.ts and what it imports statically) joins them: one file before the launcher
  // shows, not an entry plus a shared chunk (every response costs ~350 B of headers on the visitor's wire).
  if (launcher && /\/widget\/(app|core|config|ui\/(mount|Launcher|styles|sheet))\./.test(id)) return "app";
  // Capture starts as soon as the launcher shows; the form only on intent (hover, focus, open), so they are apart.
  if (id.includes("/widget/capture/")) return "capture";
  // The conversation view's copy of the shared plumbing joins the view's chunk (its entry, and with it what only the
  // view imports statically); a chunk of its own would cost its visitors a request (~350 B of headers).
  if (launcher && (id.endsWith(COPY_SUFFIX) || /\/widget\/conversation\/index\./.test(id))) return "conversation";
  if (SHARED_BY_FORM_AND_CONVERSATION.test(id)) return launcher ? "form" : "capture";
  if (/\/widget\/(ui\/(Dialog|dialog-views|dialog-styles|strings-form|validate)|submit|body|api|transport\/)/.test(id))
    return "form";
  return undefined;
}

interface LauncherChunk {
  /** In the app build: notes the launcher chunk's hashed name and drops the entry facade nothing loads. */
  emit: Plugin;
  /** In the loader build (which runs after it): puts that name where loader.ts says __HANDOFF_APP__. */
  link: Plugin;
}

/**
 * The loader imports the launcher chunk by its hashed name, so the only short-lived file is widget.js itself; app.ts
 * starts from the settings the loader left on the stub (a chunk's export names are minified).
 */
function launcherChunk(): LauncherChunk {
  let fileName = "";
  return {
    emit: {
      name: "handoff-launcher-chunk",
      generateBundle(_options, bundle) {
        for (const [key, file] of Object.entries(bundle)) {
          if (file.type !== "chunk" || file.name !== "app") continue;
          if (file.isEntry) delete bundle[key];
          else fileName = file.fileName;
        }
        if (!fileName) this.error("no launcher chunk (app-*.js) in the widget build");
      },
    },
    link: {
      name: "handoff-launcher-link",
      transform(code, id) {
        if (!id.endsWith("/widget/loader.ts")) return undefined;
        if (!fileName || !code.includes("__HANDOFF_APP__")) this.error("the loader cannot name the launcher chunk");
        return code.replace("__HANDOFF_APP__", JSON.stringify(fileName));
      },
    },
  };
}

// HANDOFF_NO_MINIFY=1 builds readable chunks, so CPU profiles name functions (bench/recorder-profile.ts).
const MINIFY = !process.env.HANDOFF_NO_MINIFY;

function esmBuild(
  outDir: string,
  entry: Record<string, string>,
  emptyOutDir: boolean,
  launcher?: LauncherChunk,
): InlineConfig {
  return {
    ...common,
    plugins: [
      classicJsx(),
      patchedRrwebRecord(),
      preactOnFrozenPages(),
      inlineRolldownRuntime(),
      ...(launcher ? [launcher.emit, conversationCopies()] : []),
    ],
    build: {
      outDir,
      emptyOutDir,
      target: "es2022",
      minify: MINIFY,
      sourcemap: false,
      copyPublicDir: false,
      // Library mode: no module-preload helper (it costs ~1 KB and assumes the page's base URL)...
      lib: { entry, formats: ["es"], fileName: (_format, name) => `${name}.js` },
      rollupOptions: {
        output: {
          // ...but lib mode keeps whitespace in ES output by default; this ships to browsers as is.
          minify: MINIFY,
          comments: false,
          manualChunks: (id) => chunkFor(id, !!launcher),
          chunkFileNames: "[name]-[hash].js",
          assetFileNames: "[name]-[hash][extname]",
        },
      },
    },
  };
}

/**
 * Output layout (the server serves outDir/widget.js at /widget.js and outDir/* under /widget/, with CORS):
 * - widget.js: the script tag, a classic IIFE loader that import()s `<script dir>/widget/app-<hash>.js` by name.
 * - app-*.js (launcher UI, core, preact, the launcher's words), capture-*.js (right after the launcher shows),
 *   form-*.js (dialog, transport, the form's words; on intent), recorder.js (rrweb, loaded when idle),
 *   conversation-*.js (conversation view, only for visitors with something to follow: core.ts import()s it, so it
 *   is a chunk of its own), translations (<lang>-form-*.js, <lang>-conversation-*.js).
 * - esm/esm.js: init() for SPA developers, built separately so the script-tag chunks stay unshared and small.
 */
export function widgetBuildConfigs(outDir: string): InlineConfig[] {
  const launcher = launcherChunk();
  return [
    esmBuild(outDir, { app: here("./app.ts"), recorder: here("./recorder/index.ts") }, true, launcher),
    esmBuild(`${outDir}/esm`, { esm: here("./esm.ts"), recorder: here("./recorder/index.ts") }, true),
    {
      ...common,
      plugins: [launcher.link],
      build: {
        outDir,
        emptyOutDir: false,
        target: "es2022",
        minify: MINIFY,
        sourcemap: false,
        copyPublicDir: false,
        lib: {
          entry: here("./loader.ts"),
          formats: ["iife"],
          name: "HandoffLoader",
          fileName: () => "widget.js",
        },
      },
    },
  ];
}
