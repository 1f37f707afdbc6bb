import { systemActor } from "../../access/actor.js";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { readEscalationSettings } from "../../../shared/escalation-settings.js";
import type { FiredRule } from "../../../shared/matrix.js";
import { getMatrix } from "../routing/get-matrix.js";
import { isLaterRule, reevaluateMatrix } from "../routing/reevaluate-matrix.js";
import { escalationSuggestionReason, suggestEscalation } from "./suggest-escalation.js";

/** Any fixed number shared by every server process: the one that gets the lock runs this pass. */
const TIME_TRIGGERS_LOCK = 727275;
const OPEN = ["open", "pending", "escalated"] as const;

export interface TimeTriggerResult {
  /** False when another process was already running a pass. */
  ran: boolean;
  suggested: { ticketId: string; reason: string }[];
  /** Matrix rules on customer replies / time without agent activity that started to hold in this pass. */
  retriaged: { ticketId: string; rules: FiredRule[] }[];
}

/**
 * One pass of the escalation clock: marks tier-1 tickets "escalation suggested" (N minutes without agent
 * activity, or M customer replies since the last agent reply; once until escalated), then re-runs the matrix's
 * reply- and time-based rules on open tickets. Safe with several server processes: a transaction-scoped
 * advisory lock lets one pass run at a time, and tickets being changed right now are skipped until the next pass.
 */
export async function runTimeTriggers(db: Db, input: { now?: Date } = {}): Promise<TimeTriggerResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${TIME_TRIGGERS_LOCK}) as locked`),
    );
    if (!lock?.locked) return { ran: false, suggested: [], retriaged: [] };
    const retriaged = await reevaluateOpenTickets(tx, now);
    const candidates = await tx
      .select({ ticket: tickets, settings: workspaces.settings })
      .from(tickets)
      .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
      .where(
        and(
          eq(tickets.tier, 1),
          inArray(tickets.status, ["open", "pending"]),
          isNull(tickets.escalationSuggestedReason),
        ),
      )
      .for("update", { of: tickets, skipLocked: true });
    const suggested: TimeTriggerResult["suggested"] = [];
    for (const { ticket, settings } of candidates) {
      // Cheap pre-check in memory; suggestEscalation re-reads the row and writes the reason and the event.
      if (!escalationSuggestionReason(ticket, readEscalationSettings(settings), now)) continue;
      const reason = await suggestEscalation(tx, { workspaceId: ticket.workspaceId, ticketId: ticket.id, now });
      if (reason) suggested.push({ ticketId: ticket.id, reason });
    }
    return { ran: true, suggested, retriaged };
  });
}

/** Only workspaces whose matrix has such rules, and only tickets that could meet the lowest threshold. */
async function reevaluateOpenTickets(tx: Db, now: Date): Promise<TimeTriggerResult["retriaged"]> {
  const active = await tx
    .selectDistinct({ id: tickets.workspaceId })
    .from(tickets)
    .where(inArray(tickets.status, [...OPEN]));
  const retriaged: TimeTriggerResult["retriaged"] = [];
  for (const { id: workspaceId } of active) {
    const matrix = await getMatrix(tx, { actor: systemActor(workspaceId) });
    const rules = matrix.rules.filter(isLaterRule);
    if (rules.length === 0) continue;
    const minReplies = minOf(rules.map((r) => r.when.customerRepliesAtLeast));
    const minMinutes = minOf(rules.map((r) => r.when.minutesInTierWithoutAgentActivity));
    const idleSince = new Date(now.getTime() - (minMinutes ?? 0) * 60_000);
    const due = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(
        and(
          eq(tickets.workspaceId, workspaceId),
          inArray(tickets.status, [...OPEN]),
          or(
            minReplies !== null ? sql`${tickets.customerRepliesSinceAgent} >= ${minReplies}` : undefined,
            minMinutes !== null
              ? sql`greatest(${tickets.tierEnteredAt}, coalesce(${tickets.lastAgentActivityAt}, ${tickets.tierEnteredAt})) <= ${idleSince.toISOString()}`
              : undefined,
          ),
        ),
      )
      .for("update", { skipLocked: true });
    for (const { id } of due) {
      const fired = await reevaluateMatrix(tx, { workspaceId, ticketId: id, now, matrix });
      if (fired.length) retriaged.push({ ticketId: id, rules: fired });
    }
  }
  return retriaged;
}

function minOf(values: (number | undefined)[]): number | null {
  const numbers = values.filter((v): v is number => v !== undefined);
  return numbers.length ? Math.min(...numbers) : null;
}

/** postgres.js returns the rows array; PGlite returns { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
