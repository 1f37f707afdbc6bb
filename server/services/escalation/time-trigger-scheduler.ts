import type { Db } from "../../db/client.js";
import { runTimeTriggers } from "./run-time-triggers.js";

/** Runs the escalation time triggers every intervalMs; a pass never overlaps the previous one. Returns the teardown. */
export function startTimeTriggerScheduler(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runTimeTriggers(db)
      .catch((error) => console.error("[time-triggers] pass failed:", error))
      .finally(() => (running = null));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
