import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { lifecycle } from "../observability/lifecycle.js";
import { registry } from "../observability/metrics.js";
import { safeEqual } from "../lib/crypto.js";

const READY_TIMEOUT_MS = 2_000;

/** /healthz: the process answers. /readyz: it can serve (database and blob storage reachable, not shutting down). /metrics: Prometheus. */
export const healthRoutes = new Hono<AppEnv>()
  .get("/healthz", (c) => c.json({ ok: true, db: c.get("dbKind") }))
  .get("/readyz", async (c) => {
    if (lifecycle.draining) return c.json({ ok: false, reason: "shutting down" }, 503);
    if (lifecycle.starting) return c.json({ ok: false, reason: "starting" }, 503);
    // Both stores a request may need, checked at once: a process that cannot reach either leaves the rotation.
    const [db, storage] = await Promise.all([
      reachable(() => c.get("db").execute(sql`select 1`)),
      reachable(() => c.get("blobs").check()),
    ]);
    const body = { db: db ? "reachable" : "unreachable", storage: storage ? "reachable" : "unreachable" };
    if (db && storage) return c.json({ ok: true, ...body, storageKind: c.get("blobs").kind });
    const reason = [db ? null : "database unreachable", storage ? null : "storage unreachable"].filter(Boolean);
    return c.json({ ok: false, reason: reason.join(", "), ...body }, 503);
  })
  .get("/metrics", async (c) => {
    // Optional: with HANDOFF_METRICS_TOKEN set, scrapers must send it as a bearer token.
    const token = c.get("config").metricsToken;
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (token && !(bearer && safeEqual(bearer, token))) return c.text("metrics token required\n", 401);
    c.header("Content-Type", registry.contentType);
    return c.body(await registry.metrics());
  });

/** True when the check answers within READY_TIMEOUT_MS. */
async function reachable(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await withTimeout(check(), READY_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
