import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../env.js";
import { lifecycle } from "../observability/lifecycle.js";
import { logger } from "../observability/logger.js";
import { httpDuration, httpInFlight, httpRequests, ingestBytes } from "../observability/metrics.js";

const INGEST_KIND: Record<string, string> = {
  "/api/v1/widget/tickets": "ticket",
  "/api/v1/widget/tickets/:id/recording": "recording",
  "/api/v1/widget/tickets/:id/attachments": "attachment",
};

/**
 * One log line and the Prometheus figures per request, labelled by route pattern (never the raw path: ids would
 * make every request its own series). Logs no query string, header or body: tokens travel in them.
 */
export function observeRequests(): MiddlewareHandler<AppEnv> {
  return async function observeRequestsMiddleware(c, next) {
    const start = performance.now();
    const notReadyByDesign = lifecycle.starting || lifecycle.draining;
    httpInFlight.inc();
    try {
      await next();
    } finally {
      httpInFlight.dec();
      const route = routeOf(c);
      const status = c.res.status;
      const seconds = (performance.now() - start) / 1000;
      httpRequests.inc({ method: c.req.method, route, status });
      httpDuration.observe({ method: c.req.method, route }, seconds);
      const kind = INGEST_KIND[route];
      const bytes = Number(c.req.header("content-length"));
      if (kind && c.req.method !== "OPTIONS" && status < 300 && bytes > 0) ingestBytes.inc({ kind }, bytes);
      const line = {
        requestId: c.get("requestId"),
        method: c.req.method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        workspaceId: c.get("actor")?.workspaceId ?? c.get("workspaceId"),
      };
      // A probe told "not ready" while the process starts or drains is the lifecycle working, not a failure: every
      // deploy would otherwise log errors (and page whoever alerts on them).
      if (status >= 500 && !(route === "/readyz" && notReadyByDesign)) logger.error(line, "request failed");
      else logger.info(line, "request");
    }
  };
}

function routeOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== "ALL");
  return handlers.at(-1)?.path ?? (c.res.status === 404 ? "(unmatched)" : "(middleware)");
}
