import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets, workspaces } from "../db/schema.js";
import { readEscalationSettings } from "../../shared/escalation-settings.js";
import { recordEvent } from "./record-event.js";

/** Any fixed number shared by every server process: the one that gets the lock runs this pass. */
const TIME_TRIGGERS_LOCK = 727275;

export interface TimeTriggerResult {
  /** False when another process was already running a pass. */
  ran: boolean;
  suggested: { ticketId: string; reason: string }[];
}

/**
 * Marks tier-1 tickets "escalation suggested" (with the reason) when they sat N minutes without agent activity
 * or the customer replied M times since the last agent reply. Each ticket is marked once until it is escalated.
 * Safe with several server processes: a transaction-scoped advisory lock lets one pass run at a time.
 */
export async function runTimeTriggers(db: Db, input: { now?: Date } = {}): Promise<TimeTriggerResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${TIME_TRIGGERS_LOCK}) as locked`));
    if (!lock?.locked) return { ran: false, suggested: [] };
    const candidates = await tx
      .select({
        id: tickets.id,
        workspaceId: tickets.workspaceId,
        settings: workspaces.settings,
        since: sql<Date>`coalesce(greatest(${tickets.lastAgentActivityAt}, ${tickets.tierEnteredAt}), ${tickets.tierEnteredAt})`.mapWith(
          (v: string | Date) => new Date(v),
        ),
        replies: tickets.customerRepliesSinceAgent,
      })
      .from(tickets)
      .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
      .where(and(eq(tickets.tier, 1), inArray(tickets.status, ["open", "pending"]), isNull(tickets.escalationSuggestedReason)))
      .for("update", { of: tickets, skipLocked: true });
    const suggested: TimeTriggerResult["suggested"] = [];
    for (const ticket of candidates) {
      const settings = readEscalationSettings(ticket.settings);
      const idleMinutes = Math.floor((now.getTime() - ticket.since.getTime()) / 60_000);
      const reasons: string[] = [];
      if (idleMinutes >= settings.tier1MinutesWithoutProgress) {
        reasons.push(`${idleMinutes} min in tier 1 without agent activity (limit ${settings.tier1MinutesWithoutProgress})`);
      }
      if (ticket.replies >= settings.customerRepliesBeforeSuggest) {
        reasons.push(`${ticket.replies} customer replies since the last agent reply`);
      }
      if (reasons.length === 0) continue;
      const reason = reasons.join("; ");
      await tx.update(tickets).set({ escalationSuggestedReason: reason, updatedAt: now }).where(eq(tickets.id, ticket.id));
      await recordEvent(tx, { workspaceId: ticket.workspaceId, ticketId: ticket.id, type: "escalation_suggested", actorType: "system", details: { reason }, at: now });
      suggested.push({ ticketId: ticket.id, reason });
    }
    return { ran: true, suggested };
  });
}

/** postgres.js returns the rows array; PGlite returns { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
