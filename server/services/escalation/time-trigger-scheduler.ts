import type { Db } from "../../db/client.js";
import { runTimeTriggers } from "./run-time-triggers.js";
import { takeLease } from "../ops/take-lease.js";

/** Runs the escalation time triggers every intervalMs; a pass never overlaps the previous one. Returns the teardown. */
export function startTimeTriggerScheduler(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const intervalMs = options.intervalMs ?? 60_000;
  // One process runs the clock (lease); runTimeTriggers' own lock and row locks keep a takeover pass from doubling.
  const pass = async () => {
    if (await takeLease(db, { name: "time-triggers", ttlMs: intervalMs * 3 })) await runTimeTriggers(db);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch((error) => console.error("[time-triggers] pass failed:", error))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
