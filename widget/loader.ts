/**
 * The script tag. Kept tiny and classic (IIFE): it installs a queueing stub for window.Handoff, then
 * import()s the ESM app chunk from `<directory of this script>/widget/`.
 *
 * Calling the API before the script has loaded — paste this before the script tag:
 *   <script>
 *   !function(w,h){h=w.Handoff=w.Handoff||{q:[]};["open","close","identify","setMetadata","on","shutdown"]
 *   .forEach(function(m){h[m]=h[m]||function(){h.q.push([m,[].slice.call(arguments)])}})}(window);
 *   </script>
 * Every call is queued and replayed, in order, once the widget is ready.
 */
import type { BootInput } from "./app.js";

/** The launcher chunk's file name (app-<hash>.js), written in by the build (widget/build-config.ts). */
declare const __HANDOFF_APP__: string;

const METHODS = ["open", "close", "identify", "setMetadata", "on", "shutdown"] as const;

type Stub = { q: unknown[]; loaded?: boolean; start?: BootInput } & Record<string, unknown>;

(() => {
  const w = window as unknown as { Handoff?: Stub };
  const script = (document.currentScript ||
    document.querySelector("script[data-site-key][src*='widget']")) as HTMLScriptElement | null;
  if (!script?.src) return;
  w.Handoff = w.Handoff || { q: [] };
  const stub: Stub = w.Handoff;
  if (stub.loaded) return; // the tag was pasted twice
  stub.q = stub.q || [];
  for (const m of METHODS) {
    if (typeof stub[m] !== "function") stub[m] = (...args: unknown[]) => void stub.q.push([m, args]);
  }
  stub.loaded = true;
  const base = new URL("./widget/", script.src).href;
  // The launcher chunk starts itself with these (see app.ts).
  stub.start = { data: { ...script.dataset }, scriptSrc: script.src, base };
  import(/* @vite-ignore */ base + __HANDOFF_APP__).catch((error) =>
    console.warn("[Handoff] could not load the widget", error),
  );
})();
