import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";

/**
 * Folds new timeline events into ticket_facts and the rollups every intervalMs, so a dashboard read only folds the
 * events of the last few seconds (reads still refresh first, for exact numbers). A pass never overlaps the previous
 * one; the per-workspace lock in refreshTicketFacts makes a read racing it safe. Returns the teardown.
 */
export function startMetricsRefresher(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const pass = async () => {
    for (const { id } of await db.select({ id: workspaces.id }).from(workspaces))
      await refreshTicketFacts(db, { workspaceId: id });
  };
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch((error) => console.error("[metrics-refresher] pass failed:", error))
      .finally(() => (running = null));
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
