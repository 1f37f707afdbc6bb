/**
 * Build-time trimming of @rrweb/record for code paths our recorder never takes (the idea behind Sentry's
 * __RRWEB_EXCLUDE_CANVAS__ / __RRWEB_EXCLUDE_IFRAME__ flags, which upstream rrweb lacks):
 * - canvas recording (recordCanvas: false): the CanvasManager, its 2D/WebGL observers and the inlined worker;
 * - font collection (collectFonts: false): the FontFace observer;
 * - user hooks (none passed) and a deprecated global-mirror proxy;
 * - cross-origin iframe recording (recordCrossOriginIframes: false): the postMessage relay. Same-origin iframes and
 *   shadow DOM are still recorded.
 * Each cut is located by markers in rrweb's dist file; when a marker is missing (rrweb upgraded) the cut is skipped
 * with a warning and the full code ships, so an upgrade can only cost bytes, never break recording.
 */
import type { Plugin } from "vite";

interface Cut {
  name: string;
  from: string;
  /** The cut ends just before this marker (which is kept). */
  to: string;
  replacement: string;
}

const CUTS: Cut[] = [
  {
    name: "canvas",
    from: 'var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";',
    to: "class StylesheetManager {",
    // The only methods record() and MutationBuffer call on it.
    replacement: "class CanvasManager{reset(){}freeze(){}unfreeze(){}lock(){}unlock(){}}\n",
  },
  {
    name: "fonts",
    from: "function initFontObserver({ fontCb, doc }) {",
    to: "function initSelectionObserver(",
    replacement: "function initFontObserver(){return()=>{}}\n",
  },
  {
    // We pass no hooks; the wrappers only forward.
    name: "hooks",
    from: "function mergeHooks(o, hooks) {",
    to: "function initObservers(",
    replacement: "function mergeHooks(){}\n",
  },
  {
    // A deprecation proxy for a global mirror nothing in record() reads.
    name: "legacy mirror",
    from: "const DEPARTED_MIRROR_ACCESS_WARNING",
    to: "function throttle(",
    replacement: "",
  },
  {
    // rrdom's node class, only used for `instanceof` checks that real DOM nodes fail anyway.
    name: "rrdom base node",
    from: "class BaseRRNode {",
    to: "function on(type, fn, target = document) {",
    replacement: "class BaseRRNode{}\n",
  },
  {
    name: "cross-origin iframe mirror",
    from: "class CrossOriginIframeMirror {",
    to: "class IframeManager {",
    replacement: "class CrossOriginIframeMirror{}\n",
  },
  {
    name: "cross-origin iframes",
    from: "  handleMessage(message) {",
    to: "class ShadowDomManager {",
    replacement: "  handleMessage(){}\n}\n",
  },
];

export function slimRrwebRecord(): Plugin {
  return {
    name: "handoff-slim-rrweb-record",
    transform(code, id) {
      if (!/@rrweb[\\/]record[\\/]dist[\\/]record\.js/.test(id)) return null;
      let out = code;
      for (const cut of CUTS) {
        const start = out.indexOf(cut.from);
        const end = start < 0 ? -1 : out.indexOf(cut.to, start);
        if (start < 0 || end < 0) {
          this.warn(`rrweb trim "${cut.name}" skipped: marker not found (rrweb changed?)`);
          continue;
        }
        out = out.slice(0, start) + cut.replacement + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}
