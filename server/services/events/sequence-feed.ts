import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";

const SEQUENCER_LOCK = 727_275;
const BATCH = 5000;

/**
 * Gives committed, unsequenced feed rows their positions, one sequencer at a time across every server process
 * (advisory lock). Rows of a transaction still running are invisible here and get a later position, so a reader
 * that has seen position n never misses a row that appears below n. NOTIFY handoff_live (sent on commit) tells
 * every process to read. Returns the highest position assigned, or 0 when nothing was pending.
 */
export async function sequenceFeed(db: Db): Promise<number> {
  // A backlog (a bulk import, a long time without followers) is sequenced in batches, all before anyone reads.
  let top = 0;
  for (;;) {
    const batch = await sequenceBatch(db);
    if (!batch.count) return top;
    top = batch.top;
    if (batch.count < BATCH) return top;
  }
}

async function sequenceBatch(db: Db): Promise<{ count: number; top: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`);
    // A new statement, so a new snapshot: it sees what the previous sequencer committed.
    const result = await tx.execute(sql`
      with pending as (
        select id, row_number() over (order by id) as n from live_events where position is null order by id limit ${BATCH}
      ), head as (select coalesce(max(position), 0) as p from live_events)
      update live_events set position = head.p + pending.n from pending, head
      where live_events.id = pending.id
      returning position`);
    const positions = rowsOf<{ position: string | number }>(result).map((r) => Number(r.position));
    if (!positions.length) return { count: 0, top: 0 };
    const top = positions.reduce((a, b) => Math.max(a, b), 0);
    await tx.execute(sql`select pg_notify('handoff_live', ${String(top)})`);
    return { count: positions.length, top };
  });
}

/** Sequenced rows older than the retention are dropped: a client that far behind reloads instead of resuming. */
export async function pruneFeed(db: Db, keepDays = 3): Promise<void> {
  await db.execute(
    sql`delete from live_events where position is not null and created_at < now() - make_interval(days => ${keepDays})`,
  );
}
