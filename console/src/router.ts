import { computed, signal } from "@preact/signals";
import { CONSOLE_BASE } from "./base.js";

/** History routing under /console/; the server falls back to index.html so every route is deep-linkable. */
export type Route =
  | { name: "queue"; query: URLSearchParams }
  | { name: "ticket"; id: string }
  | { name: "matrix" }
  | { name: "metrics"; query: URLSearchParams }
  | { name: "metric-tickets"; query: URLSearchParams }
  | { name: "admin" }
  | { name: "account" }
  | { name: "not-found"; path: string };

const current = signal(readLocation());

function readLocation(): { path: string; search: string } {
  // Models that link to routes are also loaded outside a page (their unit tests): no location there.
  if (typeof window === "undefined") return { path: "", search: "" };
  return { path: window.location.pathname, search: window.location.search };
}

export const route = computed<Route>(() => {
  const { path, search } = current.value;
  const base = CONSOLE_BASE.replace(/\/$/, "");
  const rest = path === base ? "/" : path.startsWith(CONSOLE_BASE) ? path.slice(base.length) : null;
  if (rest === null) return { name: "not-found", path };
  if (rest === "/" || rest === "/index.html") return { name: "queue", query: new URLSearchParams(search) };
  if (rest === "/matrix" || rest === "/matrix/") return { name: "matrix" };
  if (rest === "/metrics" || rest === "/metrics/") return { name: "metrics", query: new URLSearchParams(search) };
  if (rest === "/metrics/tickets") return { name: "metric-tickets", query: new URLSearchParams(search) };
  if (rest === "/admin" || rest === "/admin/") return { name: "admin" };
  if (rest === "/account" || rest === "/account/") return { name: "account" };
  const ticket = /^\/tickets\/([^/]+)\/?$/.exec(rest);
  if (ticket) return { name: "ticket", id: decodeURIComponent(ticket[1]) };
  return { name: "not-found", path };
});

/** A console URL, e.g. href("tickets/abc") -> "/console/tickets/abc". */
export function href(path = "", query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const search = params.size ? `?${params}` : "";
  return `${CONSOLE_BASE}${path.replace(/^\//, "")}${search}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  current.value = readLocation();
  window.scrollTo(0, 0);
}

/** Starts listening to back/forward; returns the teardown. */
export function startRouter(): () => void {
  const onPop = () => (current.value = readLocation());
  window.addEventListener("popstate", onPop);
  return () => window.removeEventListener("popstate", onPop);
}
