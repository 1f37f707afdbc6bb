import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import { every } from "../../lib/every.js";
import { refreshTicketFacts } from "./refresh-ticket-facts.js";
import { takeLease } from "../ops/take-lease.js";

/**
 * Folds new timeline events into ticket_facts and the rollups every intervalMs, so a dashboard read only folds the
 * events of the last few seconds (reads still refresh first, for exact numbers). A pass never overlaps the previous
 * one; the per-workspace lock in refreshTicketFacts makes a read racing it safe. Returns the teardown.
 */
export function startMetricsRefresher(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5_000;
  return every(intervalMs, "metrics-refresher", async () => {
    // One process refreshes at a time; the others' dashboards still refresh on read.
    if (!(await takeLease(db, { name: "metrics-refresher", ttlMs: intervalMs * 3 }))) return;
    for (const { id } of await db.select({ id: workspaces.id }).from(workspaces))
      await refreshTicketFacts(db, { workspaceId: id });
  });
}
