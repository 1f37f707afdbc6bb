import type { Db } from "../../db/client.js";
import { every } from "../../lib/every.js";
import { runTimeTriggers } from "./run-time-triggers.js";
import { takeLease } from "../ops/take-lease.js";

/** Runs the escalation time triggers every intervalMs; a pass never overlaps the previous one. Returns the teardown. */
export function startTimeTriggerScheduler(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 60_000;
  // One process runs the clock (lease); runTimeTriggers' own lock and row locks keep a takeover pass from doubling.
  return every(intervalMs, "time-triggers", async () => {
    if (await takeLease(db, { name: "time-triggers", ttlMs: intervalMs * 3 })) await runTimeTriggers(db);
  });
}
