import type { Db } from "./client.js";

export interface CoalesceOptions<I, O> {
  /** One item's statement: a batch of one, and each item of a batch that failed. */
  single: (db: Db, item: I) => Promise<O>;
  /** Several items' statement, one result per item in order: one round trip and one commit for all of them. */
  batch: (db: Db, items: I[]) => Promise<O[]>;
  /**
   * Batches running at once per database (default 1); callers that arrive meanwhile wait and go together in the next
   * one. With 2, the caller right after a batch started went alone beside it: bench/ingest-round-trips.ts counted 0.49
   * ticket statements and 0.58 rate-limit statements a ticket against 0.29 and 0.39 with 1 (8 concurrent callers).
   */
  inFlight?: number;
  maxBatch?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: concurrent calls go to the database together, as one statement (so one commit and one write to the
 * socket for all of them), and each caller's promise settles once that statement has committed. A call with nothing
 * running goes at once, alone: nothing waits for company. When a batch fails, its items run one by one, so one bad
 * item fails only its own caller. In a transaction (no pool under `db`) each call runs alone, in it.
 */
export function coalesce<I, O>(options: CoalesceOptions<I, O>): (db: Db, item: I) => Promise<O> {
  const inFlight = options.inFlight ?? 1;
  const maxBatch = options.maxBatch ?? 100;
  const states = new WeakMap<Db, { running: number; waiting: Waiting<I, O>[] }>();

  /** Settles every item; the slot is given back first, so a caller that files again at once is not held up. */
  async function run(db: Db, items: Waiting<I, O>[], release: () => void) {
    const settle: (() => void)[] = [];
    const one = (w: Waiting<I, O>) =>
      options.single(db, w.item).then(
        (value) => settle.push(() => w.resolve(value)),
        (error) => settle.push(() => w.reject(error)),
      );
    try {
      if (items.length === 1) await one(items[0]!);
      else {
        const results = await options.batch(
          db,
          items.map((w) => w.item),
        );
        for (const [i, w] of items.entries()) settle.push(() => w.resolve(results[i]!));
      }
    } catch {
      settle.length = 0;
      await Promise.all(items.map(one));
    }
    release();
    for (const s of settle) s();
  }

  function pump(db: Db) {
    const state = states.get(db)!;
    while (state.running < inFlight && state.waiting.length > 0) {
      const items = state.waiting.splice(0, maxBatch);
      state.running++;
      void run(db, items, () => {
        state.running--;
        pump(db);
      });
    }
  }

  return (db, item) => {
    if (!(db as { $client?: unknown }).$client) return options.single(db, item);
    let state = states.get(db);
    if (!state) {
      state = { running: 0, waiting: [] };
      states.set(db, state);
    }
    const promise = new Promise<O>((resolve, reject) => state.waiting.push({ item, resolve, reject }));
    pump(db);
    return promise;
  };
}
