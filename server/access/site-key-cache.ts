import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client.js";
import type { AppEnv } from "../env.js";
import type { Workspace } from "./find-widget-workspace.js";

/**
 * Every widget request names its site key: remembering the answer for a moment saves the ingest path a database round
 * trip. A change made through this process (key created or revoked, origins, secrets, escalation settings) is seen
 * at once; one made through another process within TTL_MS.
 */
const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;
const caches = new WeakMap<Db, Map<string, { workspace: Workspace | undefined; until: number }>>();

export async function cachedSiteKey(
  db: Db,
  siteKey: string,
  load: () => Promise<Workspace | undefined>,
): Promise<Workspace | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(siteKey);
  if (hit && hit.until > now) return hit.workspace;
  const workspace = await load();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(siteKey, { workspace, until: now + TTL_MS });
  return workspace;
}

/** After any change to workspace settings through this process, the next widget request reads them afresh. */
export function forgetSiteKeysOnWorkspaceChange(): MiddlewareHandler<AppEnv> {
  return async function forgetSiteKeysMiddleware(c, next) {
    await next();
    // The workspace row carries origins and secrets (/workspace) and the escalation settings triage reads (/matrix).
    const path = c.req.path;
    if (c.req.method !== "GET" && (path.startsWith("/api/v1/workspace") || path.startsWith("/api/v1/matrix"))) {
      caches.delete(c.get("db"));
    }
  };
}
