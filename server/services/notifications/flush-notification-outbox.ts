import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";
import { eventJobPayload, NOTIFY_EVENTS } from "./enqueue-event-notifications.js";

const BATCH = 500;

/**
 * Queues one notifications job for up to BATCH outbox events, oldest first, and empties their outbox rows, in one
 * statement: one NOTIFY for the batch instead of one per ticket (a NOTIFYing transaction holds a database-wide lock
 * through its commit, WAL flush included, so tickets that queued their own jobs committed one at a time), and the
 * live feed's wake-up for the batch (see insert-ticket.ts). One job, not one per event: claiming and completing a job
 * costs the queue two round trips of its own, and most events of a new ticket are heard by nobody (notify-events.ts).
 * SKIP LOCKED: processes flushing at once take different rows; each event is queued once. Returns how many events.
 */
export async function flushNotificationOutbox(db: Db): Promise<number> {
  const result = await db.execute(outboxFlushStatement);
  return Number(rowsOf<{ queued: number }>(result)[0]?.queued ?? 0);
}

/** The flush's one statement (exported for its plan's test). */
export const outboxFlushStatement = sql`
    with batch as (
      delete from notification_outbox where event_id = any(array(
        select event_id from notification_outbox order by event_id limit ${BATCH} for update skip locked))
      returning event_id
    ),
    -- By id through the primary key (= any(array(...))): a join to the batch was planned for its 500-row limit, as a
    -- hash join over every ticket_events row, so each flush read the whole table (~10 ms at 10k events).
    events as (
      select e.* from ticket_events e where e.id = any(array(select event_id from batch))
    ),
    payloads as (
      select count(*)::int as n, jsonb_agg(${eventJobPayload(sql`events`)} order by events.id) as list from events
    ),
    queued as (
      select count(handoff_add_job(${NOTIFY_EVENTS}, jsonb_build_object('events', p.list), null::timestamptz,
        null::integer, null::text))::int as jobs
      from payloads p where p.n > 0
    )
    -- The live feed's wake-up that insertTicket left out of its statement (migration 0022): one for the batch.
    select p.n as queued, case when p.n > 0 then pg_notify('handoff_live_pending', '')::text end as woke
    from payloads p cross join queued`;

/** One flush at a time per database; a request that asks during one gets another soon after (its rows included). */
const flushes = new WeakMap<Db, { running: Promise<void>; again: boolean }>();
const lastFlushEnded = new WeakMap<Db, number>();
const inFlight = new Set<Promise<void>>();

/**
 * Flushes start at most this often while tickets keep arriving: those filed meanwhile share one statement and one
 * job instead of one each few tickets. A ticket filed after a quiet moment is flushed at once.
 */
const OUTBOX_GATHER_MS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Called after a ticket's statement committed: its events' jobs are queued at once, in this process, batched with
 * whatever else arrived meanwhile. A process that stops first leaves its rows to the sweeper (startOutboxSweeper).
 */
export function flushNotificationOutboxSoon(db: Db): void {
  const current = flushes.get(db);
  if (current) {
    current.again = true;
    return;
  }
  const state = { running: Promise.resolve(), again: false };
  state.running = (async () => {
    try {
      const wait = (lastFlushEnded.get(db) ?? 0) + OUTBOX_GATHER_MS - Date.now();
      if (wait > 0) await sleep(wait);
      for (;;) {
        state.again = false;
        while ((await flushNotificationOutbox(db)) === BATCH);
        if (!state.again) break;
        await sleep(OUTBOX_GATHER_MS);
      }
    } catch (error) {
      if (!poolClosed(error)) console.error("[notifications] outbox flush failed (the sweeper retries):", error);
    } finally {
      lastFlushEnded.set(db, Date.now());
      flushes.delete(db);
      inFlight.delete(state.running);
    }
  })();
  flushes.set(db, state);
  inFlight.add(state.running);
}

/** The database was closed under the flush (shutdown, a test's teardown): its rows wait for the next flush anywhere. */
function poolClosed(error: unknown): boolean {
  const cause =
    (error as { cause?: { code?: string; message?: string } })?.cause ?? (error as { code?: string; message?: string });
  return (
    ["CONNECTION_ENDED", "CONNECTION_DESTROYED"].includes(cause?.code ?? "") ||
    // drizzle wraps it ("Failed query: …"); the driver's own words are in the cause.
    /PGlite is closed/.test(`${error} ${cause?.message}`)
  );
}

/** For shutdown: resolves when the flushes started so far have finished. */
export async function settleOutboxFlushes(): Promise<void> {
  await Promise.all([...inFlight]);
}

/** Every few seconds, in every process: rows left by a process that stopped between its commit and its flush. */
export function startOutboxSweeper(db: Db, options: { intervalMs?: number } = {}) {
  const timer = setInterval(() => flushNotificationOutboxSoon(db), options.intervalMs ?? 5_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await settleOutboxFlushes();
  };
}
