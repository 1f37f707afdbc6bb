import type { Context, MiddlewareHandler } from "hono";
import { ServiceError } from "../services/service-error.js";
import type { AppEnv } from "../env.js";

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  key: (c: Context<AppEnv>) => string;
  message?: string;
  /** Which answers count against the limit (default: all); e.g. only failed logins. */
  counts?: (status: number) => boolean;
  now?: () => number;
}

/** Fixed-window counter in memory: enough for one process; answers 429 with Retry-After. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  const now = options.now ?? Date.now;
  return async function rateLimitMiddleware(c, next) {
    const t = now();
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
    const key = options.key(c);
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= t) hits.set(key, (entry = { count: 0, resetAt: t + options.windowMs }));
    if (entry.count >= options.limit) {
      const retryAfter = Math.ceil((entry.resetAt - t) / 1000);
      throw new ServiceError(
        "rate_limited",
        options.message ?? "Too many requests; try again later",
        undefined,
        retryAfter,
      );
    }
    if (!options.counts) entry.count++;
    await next();
    if (options.counts?.(c.res.status)) entry.count++;
  };
}

/** The client address as the socket saw it (the Node adapter's env), or a proxy header when configured. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
}
