import type { Navigation } from "../../shared/context.js";
import type { Ring } from "./ring.js";
import { maskPatterns } from "./patterns.js";
import { scrubUrl } from "./scrub.js";

type Kind = Navigation["kind"];

/** Route changes: the initial load, history.pushState/replaceState, popstate and hashchange. */
export function startNavigation(ring: Ring<Navigation>, onChange: (t: number) => void): () => void {
  let lastUrl = "";
  let stopped = false;
  const titleOf = (entry: Navigation) => {
    if (!stopped && ring.last() === entry && document.title) entry.title = maskPatterns(document.title.slice(0, 300));
  };
  const record = (kind: Kind) => {
    const url = scrubUrl(location.href);
    // replaceState is often called with the same URL (scroll restoration, state stashing), and a hash
    // link fires both popstate and hashchange: one entry per actual change.
    if (kind !== "pushState" && kind !== "load" && url === lastUrl) return;
    lastUrl = url;
    const t = Date.now();
    const entry: Navigation = { t, url, kind };
    ring.push(entry);
    titleOf(entry);
    // Apps set the new route's title after pushState (in a render effect, or once its data loaded): the entry takes
    // the title the page shows shortly after, unless the route changed again since.
    for (const ms of [0, 400, 2000]) setTimeout(() => titleOf(entry), ms);
    onChange(t);
  };

  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  const patched: Partial<typeof originals> = {};
  for (const kind of ["pushState", "replaceState"] as const) {
    const original = originals[kind];
    const wrapper = function (this: History, ...args: Parameters<History["pushState"]>) {
      const result = original.apply(this, args);
      try {
        record(kind);
      } catch {
        /* capture must never break the host app */
      }
      return result;
    };
    try {
      history[kind] = wrapper;
      patched[kind] = wrapper;
    } catch {
      /* a page that froze `history`: the load, popstate and hashchange are still captured */
    }
  }
  const onPop = () => record("popstate");
  const onHash = () => record("hashchange");
  addEventListener("popstate", onPop);
  addEventListener("hashchange", onHash);
  record("load");

  return () => {
    stopped = true;
    removeEventListener("popstate", onPop);
    removeEventListener("hashchange", onHash);
    // Only unwrap if nobody wrapped on top of us since; otherwise we would drop their patch.
    for (const kind of ["pushState", "replaceState"] as const) {
      if (history[kind] === patched[kind]) history[kind] = originals[kind];
    }
  };
}
