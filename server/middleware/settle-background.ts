import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { background } from "../lib/background.js";

/** The widget's writes: they answer as soon as the row is stored and never wait for anyone's follow-up work. */
const INGEST = /^\/api\/v1\/widget\/tickets(\/[^/]+\/recording)?$/;

/**
 * Read-your-writes within a process: every other request first waits for the follow-up work (triage) already
 * deferred here, so an agent never sees a ticket of this process half-done. Other processes see it a moment later.
 */
export function settleBackground(): MiddlewareHandler<AppEnv> {
  return async function settleBackgroundMiddleware(c, next) {
    if (background.pending > 0 && !(c.req.method !== "GET" && INGEST.test(c.req.path))) await background.settled();
    await next();
  };
}
