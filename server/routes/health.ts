import { Hono } from "hono";
import { metricsScrapeAllowed } from "../access/metrics-token.js";
import type { AppEnv } from "../env.js";
import { lifecycle } from "../observability/lifecycle.js";
import { registry } from "../observability/metrics.js";
import { checkReadiness } from "../services/ops/check-readiness.js";
import { errorResponse } from "../middleware/errors.js";

/** /healthz: the process answers. /readyz: it can serve (database and blob storage reachable, not shutting down). /metrics: Prometheus. */
export const healthRoutes = new Hono<AppEnv>()
  .get("/healthz", (c) => c.json({ ok: true, db: c.get("dbKind") }))
  .get("/readyz", async (c) => {
    if (lifecycle.draining) return c.json({ ok: false, reason: "shutting down" }, 503);
    if (lifecycle.starting) return c.json({ ok: false, reason: "starting" }, 503);
    // A process that cannot reach either store leaves the rotation.
    const { db, storage } = await checkReadiness({ db: c.get("db"), blobs: c.get("blobs") });
    const body = { db: db ? "reachable" : "unreachable", storage: storage ? "reachable" : "unreachable" };
    if (db && storage) return c.json({ ok: true, ...body, storageKind: c.get("blobs").kind });
    const reason = [db ? null : "database unreachable", storage ? null : "storage unreachable"].filter(Boolean);
    return c.json({ ok: false, reason: reason.join(", "), ...body }, 503);
  })
  .get("/metrics", async (c) => {
    // Optional: with HANDOFF_METRICS_TOKEN set, scrapers must send it as a bearer token.
    if (!metricsScrapeAllowed(c.get("config").metricsToken, c.req.header("authorization"))) {
      return errorResponse(
        c,
        "unauthorized",
        "/metrics needs HANDOFF_METRICS_TOKEN as a bearer token (Authorization: Bearer <token>)",
      );
    }
    c.header("Content-Type", registry.contentType);
    return c.body(await registry.metrics());
  });
