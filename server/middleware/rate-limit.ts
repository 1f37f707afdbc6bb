import type { Context, MiddlewareHandler } from "hono";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { prebuilt } from "../db/prebuilt.js";
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

/** One statement for all layers: insert or bump each counter, restarting windows that have ended. */
async function countHits(db: Db, hits: { layer: RateLimitLayer; key: string }[]) {
  const now = Date.now();
  // Memory stays bounded: expired counters are swept once a minute per process, never on the request path's rows.
  if ((lastSweep.get(db) ?? 0) + SWEEP_EVERY_MS < now) {
    lastSweep.set(db, now);
    void db.execute(sql`delete from rate_limit_counters where reset_at < now()`).catch(() => undefined);
  }
  const rows = await counterStatement(hits.length)(
    db,
    hits.flatMap((h) => [h.key, `${h.layer.windowMs} milliseconds`]),
  );
  const byKey = new Map(rows.map((r) => [r.key, { count: Number(r.count), resetAt: Number(r.reset_ms) }]));
  return hits.map((h) => byKey.get(h.key) ?? { count: 0, resetAt: now });
}

/** The counters' statement for `n` keys (prebuilt once per n: no query building per request). */
const counterStatements = new Map<number, ReturnType<typeof prebuilt<CounterRow>>>();
type CounterRow = { key: string; count: number; reset_ms: string };
function counterStatement(n: number) {
  let statement = counterStatements.get(n);
  if (!statement) {
    const values = Array.from({ length: n }, (_, i) => `($${2 * i + 1}, 1, now() + $${2 * i + 2}::interval)`);
    statement = prebuilt<CounterRow>(`
      insert into rate_limit_counters (key, count, reset_at) values ${values.join(", ")}
      on conflict (key) do update set
        count = case when rate_limit_counters.reset_at <= now() then 1 else rate_limit_counters.count + 1 end,
        reset_at = case when rate_limit_counters.reset_at <= now() then excluded.reset_at else rate_limit_counters.reset_at end
      returning key, count, (extract(epoch from reset_at) * 1000)::bigint::text as reset_ms`);
    counterStatements.set(n, statement);
  }
  return statement;
}

async function refund(db: Db, keys: string[]) {
  await db.execute(
    sql`update rate_limit_counters set count = greatest(count - 1, 0) where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  );
}
