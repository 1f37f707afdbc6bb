/**
 * Preact re-renders a component from a copy of its vnode made by `for (k in old) copy[k] = old[k]`, and a vnode has
 * an own `constructor` key (its guard against vnodes injected as JSON). On a page that froze Object.prototype (the
 * OWASP advice against prototype pollution, SES lockdown), assigning `constructor` to a plain object throws (the
 * "override mistake"), so no component could update its own state: the form showed no field errors and threw every
 * second while open. The copy defines that one key instead. Fails the build when preact's code changes.
 */
import type { Plugin } from "vite";

const PREACT_JS = /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/;
const ASSIGN = "function m(n,l){for(var u in l)n[u]=l[u];return n}";
const SAFE_ASSIGN =
  'function m(n,l){for(var u in l)u=="constructor"?Object.defineProperty(n,u,{value:l[u],writable:1,enumerable:1,configurable:1}):n[u]=l[u];return n}';

export function preactOnFrozenPages(): Plugin {
  return {
    name: "handoff-preact-on-frozen-pages",
    transform(code, id) {
      if (!PREACT_JS.test(id)) return undefined;
      if (!code.includes(ASSIGN)) this.error("preact's assign() changed: port widget/build-preact-frozen.ts");
      return code.replace(ASSIGN, SAFE_ASSIGN);
    },
  };
}
