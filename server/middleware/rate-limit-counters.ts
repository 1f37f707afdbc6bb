import type { Db } from "../db/client.js";
import { coalesce } from "../db/coalesce.js";
import { prebuilt } from "../db/prebuilt.js";

/** One request's counters to bump: each key (layer name included) with its layer's window. */
export type CounterHit = { key: string; windowMs: number };
/** A counter after this request's hit: its count and when its window ends (epoch ms). */
export type Counter = { count: number; resetAt: number };

/**
 * Bumps each counter by one and returns them, in order. Requests arriving together share one statement (group commit,
 * db/coalesce.ts): a key hit k times in it is bumped by k at once and its hits get the counts they would have got one
 * after the other, so a burst is limited exactly as before, with one round trip and one commit for all of it.
 */
export const bumpCounters: (db: Db, hits: CounterHit[]) => Promise<Counter[]> = coalesce({
  single: (db, hits) => bump(db, [hits]).then((r) => r[0]!),
  batch: bump,
});

async function bump(db: Db, requests: CounterHit[][]): Promise<Counter[][]> {
  const byKey = new Map<string, { windowMs: number; n: number }>();
  for (const hit of requests.flat()) {
    const seen = byKey.get(hit.key);
    if (seen) seen.n++;
    else byKey.set(hit.key, { windowMs: hit.windowMs, n: 1 });
  }
  const input = [...byKey].map(([key, { windowMs, n }]) => ({ key, n, window_ms: windowMs }));
  const rows = await counterStatement(db, [JSON.stringify(input)]);
  const after = new Map(rows.map((r) => [r.key, { count: Number(r.count), resetAt: Number(r.reset_ms) }]));
  // Hand the counts out in arrival order: the first request of the batch gets the lowest.
  const given = new Map<string, number>();
  return requests.map((hits) =>
    hits.map((hit) => {
      const counter = after.get(hit.key) ?? { count: 0, resetAt: Date.now() };
      const earlier = given.get(hit.key) ?? 0;
      given.set(hit.key, earlier + 1);
      return { count: counter.count - byKey.get(hit.key)!.n + earlier + 1, resetAt: counter.resetAt };
    }),
  );
}

/**
 * Insert or bump each counter by its hits, restarting windows that have ended (one text for any number of keys). In
 * key order, so batches of two processes lock shared rows (a workspace's counter) in one order and never deadlock.
 */
const counterStatement = prebuilt<{ key: string; count: number; reset_ms: string }>(`
  insert into rate_limit_counters (key, count, reset_at)
  select r.key, r.n, now() + r.window_ms * interval '1 millisecond'
  from jsonb_to_recordset($1::jsonb) as r(key text, n integer, window_ms bigint)
  order by r.key
  on conflict (key) do update set
    count = case when rate_limit_counters.reset_at <= now() then excluded.count
      else rate_limit_counters.count + excluded.count end,
    reset_at = case when rate_limit_counters.reset_at <= now() then excluded.reset_at
      else rate_limit_counters.reset_at end
  returning key, count, (extract(epoch from reset_at) * 1000)::bigint::text as reset_ms`);
