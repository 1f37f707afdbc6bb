import type { Context, MiddlewareHandler } from "hono";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { bumpCounters } from "./rate-limit-counters.js";
import { sha256 } from "../lib/crypto.js";
import { ServiceError } from "../services/service-error.js";
import type { AppEnv } from "../env.js";

/** One counter of a layered limit: its key (undefined: this layer does not apply to the request). */
export interface RateLimitLayer {
  name: string;
  limit: number;
  windowMs: number;
  key: (c: Context<AppEnv>) => string | undefined;
}

export interface RateLimitOptions {
  layers: RateLimitLayer[];
  message?: string;
  /** Give the attempt back when the answer is a success (e.g. a login that worked): only failures use the budget. */
  refundOn?: (status: number) => boolean;
}

/**
 * Layered fixed-window limits (e.g. per customer token, per address, per workspace), counted in PostgreSQL so every
 * server process shares them. An attempt is counted before it runs, so a parallel burst gets no extra tries; 429 with
 * Retry-After when any layer is over.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const refundHits = await enforceRateLimit(c, options);
    await next();
    if (options.refundOn?.(c.res.status)) await refundHits();
  };
}

/** The same check inside a handler, for keys only the body tells (e.g. the account of a login). Returns its refund. */
export async function enforceRateLimit(c: Context<AppEnv>, options: RateLimitOptions): Promise<() => Promise<void>> {
  const hits = options.layers.flatMap((layer) => {
    const key = layer.key(c);
    return key === undefined ? [] : [{ layer, key: `${layer.name}:${key}`.slice(0, 300) }];
  });
  if (hits.length === 0) return async () => {};
  const db = c.get("db");
  const counters = await countHits(db, hits);
  const over = counters.filter((x, i) => x.count > hits[i]!.layer.limit);
  if (over.length > 0) {
    const retryAfter = Math.max(...over.map((x) => Math.ceil((x.resetAt - Date.now()) / 1000)), 1);
    throw new ServiceError(
      "rate_limited",
      options.message ?? "Too many requests; try again later",
      undefined,
      retryAfter,
    );
  }
  return () =>
    refund(
      db,
      hits.map((h) => h.key),
    );
}

export { clientAddress } from "../access/client-address.js";

/** A secret (customer or upload token) as a counter key: never stored in clear. */
export const secretKey = (secret: string | undefined) => (secret ? sha256(secret).slice(0, 32) : undefined);

const lastSweep = new WeakMap<Db, number>();
const SWEEP_EVERY_MS = 60_000;

/** One statement for all layers (shared with the requests arriving at the same moment): bump each counter. */
async function countHits(db: Db, hits: { layer: RateLimitLayer; key: string }[]) {
  const now = Date.now();
  // Memory stays bounded: expired counters are swept once a minute per process, never on the request path's rows.
  if ((lastSweep.get(db) ?? 0) + SWEEP_EVERY_MS < now) {
    lastSweep.set(db, now);
    void db.execute(sql`delete from rate_limit_counters where reset_at < now()`).catch(() => undefined);
  }
  return bumpCounters(
    db,
    hits.map((h) => ({ key: h.key, windowMs: h.layer.windowMs })),
  );
}

async function refund(db: Db, keys: string[]) {
  await db.execute(
    sql`update rate_limit_counters set count = greatest(count - 1, 0) where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
}
