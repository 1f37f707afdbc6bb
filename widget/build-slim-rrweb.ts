/**
 * Build-time trimming of @rrweb/record for code paths our recorder never takes (the idea behind Sentry's
 * __RRWEB_EXCLUDE_CANVAS__ / __RRWEB_EXCLUDE_IFRAME__ flags, which upstream rrweb lacks):
 * - canvas recording (recordCanvas: false): the CanvasManager, its 2D/WebGL observers and the inlined worker;
 * - font collection (collectFonts: false): the FontFace observer;
 * - user hooks (none passed) and a deprecated global-mirror proxy;
 * - cross-origin iframe recording (recordCrossOriginIframes: false): the postMessage relay. Same-origin iframes and
 *   shadow DOM are still recorded.
 * - canvas and inlined images in snapshots (recordCanvas: false, inlineImages: false);
 * - splitting a <style>'s CSS across its text nodes: only <style> elements with several text nodes need it (CSS-in-JS
 *   libraries in development mode; in production they use insertRule, which is recorded); replay then shows the
 *   whole CSS in the first text node, which looks the same;
 * - media play/pause/seek events between snapshots (each snapshot still records every <video>/<audio>'s state);
 * - text selection events (replay does not show which text the customer highlighted; clicks and input still show);
 * - the customElements.define patch (replay shows custom elements as plain elements either way);
 * - setProperty/removeProperty on a CSS rule's style (element.style changes and insertRule are still recorded);
 * - options we never pass: RegExp class names, freezePage's unfreeze-on-event, checkoutEveryNth/Nms, maskAllInputs,
 *   slimDOMOptions other than "all"; and a forEach polyfill for browsers that cannot run ES2022;
 * - slimDOMExcluded's long list of <meta> names, replaced by a shorter rule for slimDOMOptions "all" that drops every
 *   <meta> but charset and viewport (also unknown ones that may hold tokens), comments, scripts and icon links.
 * Each cut is located by markers in rrweb's dist file; when a marker is missing (rrweb upgraded) the cut is skipped
 * with a warning and the full code ships, so an upgrade can only cost bytes, never break recording.
 */
import type { Plugin } from "vite";
import { applyPatches, MUTATION_BATCHING } from "./rrweb-mutation-batching.js";

interface Cut {
  name: string;
  from: string;
  /** The cut ends just before this marker (which is kept). */
  to: string;
  replacement: string;
}

const CUTS: Cut[] = [
  {
    name: "canvas and inline images in snapshots",
    from: '  if (tagName === "canvas" && recordCanvas) {',
    to: '  if (["audio", "video"].includes(tagName)) {',
    replacement: "",
  },
  {
    // Our recorder always passes slimDOMOptions: "all" (see recorder/index.ts).
    name: "slim DOM rules",
    from: "function slimDOMExcluded(sn, slimDOMOptions) {",
    to: "function serializeNodeWithId(",
    replacement: `function slimDOMExcluded(sn) {
  if (sn.type === NodeType.Comment) return true;
  if (sn.type !== NodeType.Element) return false;
  const t = sn.tagName, a = sn.attributes, rel = String(a.rel || "").toLowerCase();
  return t === "script" || (t === "meta" && !("charset" in a) && a.name !== "viewport") ||
    (t === "link" && (/\\bicon\\b|modulepreload/.test(rel) || (/prefetch|preload/.test(rel) && (a.as === "script" || /\\.js(\\?|$)/.test(String(a.href))))));
}
`,
  },
  {
    name: "css splits",
    from: "function normalizeCssString(",
    to: "let _id = 1;",
    replacement: "function markCssSplits(cssText){return cssText}\n",
  },
  {
    name: "media interactions",
    from: "function initMediaInteractionObserver({",
    to: "function initFontObserver(",
    replacement: "function initMediaInteractionObserver(){return()=>{}}\n",
  },
  {
    name: "selection",
    from: "function initSelectionObserver(param) {",
    to: "function initCustomElementObserver({",
    replacement: "function initSelectionObserver(){return()=>{}}\n",
  },
  {
    // Only a recorder inside a cross-origin iframe hands its events to the parent page (we record the top page).
    name: "emit to parent frame",
    from: "    } else if (passEmitsToParent) {",
    to: "    if (e.type === EventType.FullSnapshot) {",
    replacement: "    }\n",
  },
  {
    name: "plugin event processors",
    from: "    for (const plugin of plugins || []) {",
    to: "    if (packFn &&",
    replacement: "",
  },
  {
    name: "custom elements",
    from: "function initCustomElementObserver({",
    to: "function mergeHooks(o, hooks) {",
    replacement: "function initCustomElementObserver(){return()=>{}}\n",
  },
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
  {
    // Style changes made through a CSS rule's CSSStyleDeclaration (sheet.cssRules[i].style.setProperty): rare in
    // apps (element.style changes are attribute mutations, CSS-in-JS uses insertRule, both still recorded); the
    // next checkout's full snapshot carries the rule's current text.
    name: "CSS rule style declarations",
    from: "function initStyleDeclarationObserver({",
    to: "function initMediaInteractionObserver(",
    replacement: "function initStyleDeclarationObserver(){return()=>{}}\n",
  },
  {
    // Our recorder passes class names as strings (blockClass "rr-block", maskTextClass "rr-mask"), never RegExps.
    name: "class RegExps",
    from: "function classMatchesRegex(node, regex, checkAncestors) {",
    to: "function needMaskingText(",
    replacement: "function classMatchesRegex(){return false}\n",
  },
  {
    // freezePage() is never called (mutations are batched instead, see rrweb-mutation-batching.ts).
    name: "unfreeze on events",
    from: "    if (((_a2 = mutationBuffers[0]) == null ? void 0 : _a2.isFrozen())",
    to: "    if (inEmittingFrame) {",
    replacement: "",
  },
  {
    // checkoutEveryNth / checkoutEveryNms are not passed: the recorder takes its checkouts when the page is idle.
    name: "checkout options",
    from: "    if (e.type === EventType.FullSnapshot) {\n      lastFullSnapshotEvent = e;",
    to: "  const wrappedMutationEmit = (m) => {",
    replacement: "  };\n",
  },
  {
    // We record the top page (recordCrossOriginIframes: false), always with an emit, and pass no mousemoveWait.
    name: "emitting frame",
    from: "  const inEmittingFrame = recordCrossOriginIframes ? window.parent === window : true;",
    to: "  mirror.reset();\n  const maskInputOptions",
    replacement: "  const inEmittingFrame = true, passEmitsToParent = false;\n",
  },
  {
    // maskAllInputs is not passed: maskInputOptions (every input, decided by maskInputFn) is.
    name: "mask all inputs",
    from: "  mirror.reset();\n  const maskInputOptions = maskAllInputs === true ? {",
    to: "  const slimDOMOptions = slimDOMDefaults(_slimDOMOptions);",
    replacement: "  mirror.reset();\n  const maskInputOptions = _maskInputOptions;\n",
  },
  {
    // slimDOMOptions "all", of which only these two are still read (the rest was slimDOMExcluded's, replaced above).
    name: "slim DOM defaults",
    from: "function slimDOMDefaults(_slimDOMOptions) {",
    to: "function slimDOMExcluded(",
    replacement: "function slimDOMDefaults(){return{headWhitespace:true,headTitleMutations:true}}\n",
  },
  {
    // snapshot() is called by record() with maskInputOptions already resolved (see "mask all inputs").
    name: "snapshot mask all inputs",
    from: "  } = options;\n  const maskInputOptions = maskAllInputs === true ? {",
    to: "  const slimDOMOptions = slimDOMDefaults(slimDOM);",
    replacement: "  } = options;\n  const maskInputOptions = maskAllInputs;\n",
  },
  {
    // The page's scroll position: scrollingElement is in every browser that runs ES2022 (the rest are fallbacks).
    name: "window scroll fallbacks",
    from: "function getWindowScroll(win) {",
    to: "function closestElementOfNode(",
    replacement: `function getWindowScroll(win){const e=win.document.scrollingElement||win.document.documentElement;return{left:e.scrollLeft,top:e.scrollTop}}
function getWindowHeight(){return window.innerHeight}
function getWindowWidth(){return window.innerWidth}
`,
  },
  {
    // NodeList/DOMTokenList.forEach for browsers from before 2017, which cannot run the widget's ES2022 anyway.
    name: "forEach polyfill",
    from: "function polyfill(win = window) {",
    to: "function isSerializedIframe(",
    replacement: "function polyfill(){}\n",
  },
];

/**
 * TypeScript enums compile to IIFEs that also build a number -> name map; rrweb's recorder only reads names, so each
 * becomes a plain object literal (smaller, and constant so the minifier can inline it).
 */
const ENUM = /var (\w+) = \/\* @__PURE__ \*\/ \(\((\w+)\) => \{\n([\s\S]*?)\n {2}return \2;\n\}\)\(\1 \|\| \{\}\);/g;
const ENUM_MEMBER = /^\s*\w+\[\w+\["([^"]+)"\] = (\d+)\] = "[^"]+";$/;

export function plainEnums(code: string): string {
  return code.replace(ENUM, (whole, name: string, _inner: string, body: string) => {
    const members = body.split("\n").map((line) => ENUM_MEMBER.exec(line));
    if (members.some((m) => !m)) return whole; // not the shape we know: keep it
    return `const ${name} = {${members.map((m) => `${JSON.stringify(m![1])}:${m![2]}`).join(",")}};`;
  });
}

/**
 * With canvas and inline images cut, `dataURLOptions` and `inlineImages` are only handed from function to function.
 * Drops every line that declares, passes or copies them; if any other use is left (rrweb changed), keeps the code.
 */
const IMAGE_OPTION_LINE =
  /^[ \t]*(?:(?:dataURLOptions|inlineImages)(?: = (?:\{\}|false))?|(?:dataURLOptions|inlineImages): this\.(?:dataURLOptions|inlineImages)|"(?:dataURLOptions|inlineImages)"|__publicField\(this, "(?:dataURLOptions|inlineImages)"\);?),?[ \t]*\n/gm;

export function dropImageOptions(code: string, warn: (message: string) => void = () => undefined): string {
  const out = code.replace(IMAGE_OPTION_LINE, "");
  if (!/\b(dataURLOptions|inlineImages)\b/.test(out)) return out;
  warn('rrweb trim "image options" skipped: other uses left (rrweb changed?)');
  return code;
}

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
      out = applyPatches(out, MUTATION_BATCHING, (m) => this.warn(m));
      return { code: plainEnums(dropImageOptions(out, (m) => this.warn(m))), map: null };
    },
  };
}
