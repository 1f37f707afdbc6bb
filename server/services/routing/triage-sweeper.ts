import { and, asc, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { every } from "../../lib/every.js";
import { triageNewTicket } from "./triage-new-ticket.js";

/**
 * Triage runs after the response (server/lib/background.ts). A ticket whose process stopped first, or whose triage
 * was dropped under load or failed, is triaged by this pass in whichever process gets to it. Returns the teardown.
 */
export function startTriageSweeper(db: Db, options: { intervalMs?: number; graceMs?: number } = {}) {
  const graceMs = options.graceMs ?? 10_000;
  return every(options.intervalMs ?? 5_000, "triage-sweeper", async () => {
    const due = await db
      .select({ id: tickets.id, workspaceId: tickets.workspaceId })
      .from(tickets)
      .where(
        and(
          isNull(tickets.triage),
          lt(tickets.createdAt, sql`now() - make_interval(secs => ${graceMs / 1000})`),
          gt(tickets.createdAt, sql`now() - interval '1 day'`),
        ),
      )
      .orderBy(asc(tickets.createdAt))
      .limit(100);
    for (const ticket of due) await triageNewTicket(db, { workspaceId: ticket.workspaceId, ticketId: ticket.id });
  });
}
