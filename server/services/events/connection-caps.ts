import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";
import { background } from "../../lib/background.js";
import { logger } from "../../observability/logger.js";
import { PROCESS_ID, takeLease } from "../ops/take-lease.js";
import { ServiceError } from "../service-error.js";

/** A process's counts stop counting this long after its last renewal (it died, or its database link did). */
const LEASE_MS = 45_000;
const RENEW_MS = 15_000;
/** Rows of a holder whose lease lapsed this long ago are deleted (kept a while for a stalled process coming back). */
const FORGET_AFTER = "10 minutes";
/** Namespace of the per-key advisory locks (the two-int form, apart from other locks' keys). */
const LOCK_SPACE = 7215;

export interface CapKey {
  key: string;
  max: number;
}

const tooMany = () =>
  new ServiceError("rate_limited", "Too many open event streams; close another tab or try later", undefined, 30);

/**
 * Open streams per key (agent, customer, address) across every server process on the database; beyond a key's cap new
 * streams get 429. Each process keeps its own counts in memory and mirrors them as one row per key it holds
 * (live_connection_counts), written on open and close only; a lease renewed every 15 s while it holds any stream
 * makes those rows count, so idle streams cost no writes and a dead process's rows stop counting within 45 s.
 */
export class ConnectionCaps {
  private readonly open = new Map<string, number>();
  private total = 0;
  private renewTimer: ReturnType<typeof setInterval> | undefined;
  private leaseFreshUntil = 0;
  /** Releases still being written: a stream closed and reopened at once must not find its own old slot taken. */
  private settling: Promise<void> = Promise.resolve();
  /** One per app: two apps in one process (tests) count like two processes. */
  readonly holder = `${PROCESS_ID}:${randomUUID().slice(0, 8)}`;

  /** Takes one slot under every key or none; returns the release. */
  async acquire(db: Db, keys: CapKey[]): Promise<() => void> {
    // This process alone is over: refuse without asking the database (a client retrying in a loop costs nothing).
    if (keys.some(({ key, max }) => (this.open.get(key) ?? 0) >= max)) throw tooMany();
    await this.settling;
    await this.keepLease(db);
    const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
    await db.transaction(async (tx) => {
      // Per-key locks, in one order: two processes taking the last slot of a key take turns.
      for (const { key } of sorted)
        await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`);
      const counts = rowsOf<{ key: string; n: number }>(
        await tx.execute(sql`select c.key, sum(c.count)::int as n from live_connection_counts c
          join ops_leases l on l.name = 'live:' || c.holder and l.expires_at > now()
          where c.key in (${sql.join(
            sorted.map((k) => sql`${k.key}`),
            sql`, `,
          )}) group by c.key`),
      );
      const held = new Map(counts.map((r) => [r.key, Number(r.n)]));
      if (sorted.some(({ key, max }) => (held.get(key) ?? 0) >= max)) throw tooMany();
      for (const { key } of sorted)
        await tx.execute(sql`insert into live_connection_counts (holder, key, count) values (${this.holder}, ${key}, 1)
          on conflict (holder, key) do update set count = live_connection_counts.count + 1`);
    });
    for (const { key } of keys) this.open.set(key, (this.open.get(key) ?? 0) + 1);
    this.total++;
    this.startRenewing(db);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      for (const { key } of keys) {
        const n = (this.open.get(key) ?? 1) - 1;
        if (n <= 0) this.open.delete(key);
        else this.open.set(key, n);
      }
      if (this.total === 0) this.stopRenewing();
      const releasing = this.settling
        .then(() => this.releaseRows(db, keys))
        .catch((error) => logger.warn({ err: error }, "could not release stream slots"));
      this.settling = releasing;
      // Streams end as shutdown starts: it waits for this (background.settled()) before the pool closes.
      background.defer("release stream slots", () => releasing);
    };
  }

  /** Open streams of this holder under a key (what it counts toward every process's cap). */
  heldHere(key: string): number {
    return this.open.get(key) ?? 0;
  }

  private async releaseRows(db: Db, keys: CapKey[]) {
    const list = sql.join(
      keys.map((k) => sql`${k.key}`),
      sql`, `,
    );
    await db.execute(sql`update live_connection_counts set count = count - 1
      where holder = ${this.holder} and key in (${list})`);
    await db.execute(sql`delete from live_connection_counts where holder = ${this.holder} and count <= 0`);
  }

  /** Renews this holder's lease when it is not sure to outlive the next query. */
  private async keepLease(db: Db) {
    if (Date.now() < this.leaseFreshUntil) return;
    await this.renew(db);
  }

  private async renew(db: Db) {
    const at = Date.now();
    await takeLease(db, { name: `live:${this.holder}`, holder: this.holder, ttlMs: LEASE_MS });
    this.leaseFreshUntil = at + LEASE_MS - RENEW_MS;
    // Whoever renews also forgets holders long gone, so the table stays as small as the live processes' keys.
    await db.execute(sql`delete from live_connection_counts c where not exists (select 1 from ops_leases l
      where l.name = 'live:' || c.holder and l.expires_at > now() - ${FORGET_AFTER}::interval)`);
    await db.execute(
      sql`delete from ops_leases where name like 'live:%' and expires_at < now() - ${FORGET_AFTER}::interval`,
    );
  }

  private startRenewing(db: Db) {
    if (this.renewTimer) return;
    this.renewTimer = setInterval(() => {
      this.renew(db).catch((error) => logger.warn({ err: error }, "could not renew the stream lease"));
    }, RENEW_MS);
    this.renewTimer.unref?.();
  }

  private stopRenewing() {
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
  }
}
