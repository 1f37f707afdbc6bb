import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { readEscalationSettings, type EscalationSettings } from "../../../shared/escalation-settings.js";
import { recordEvent } from "../tickets/record-event.js";

export interface SuggestionFacts {
  tier: number;
  status: string;
  escalationSuggestedReason: string | null;
  tierEnteredAt: Date;
  lastAgentActivityAt: Date | null;
  customerRepliesSinceAgent: number;
}

/** Why a tier-1 ticket should be escalated now, or null: idle too long, or the customer keeps writing unanswered. */
export function escalationSuggestionReason(
  ticket: SuggestionFacts,
  settings: EscalationSettings,
  now: Date,
): string | null {
  if (ticket.tier !== 1 || !["open", "pending"].includes(ticket.status) || ticket.escalationSuggestedReason)
    return null;
  const since = Math.max(ticket.tierEnteredAt.getTime(), ticket.lastAgentActivityAt?.getTime() ?? 0);
  const idleMinutes = Math.floor((now.getTime() - since) / 60_000);
  const reasons: string[] = [];
  // A pending ticket waits on the customer: the clock of "no progress" only runs while the ball is with support.
  if (ticket.status === "open" && idleMinutes >= settings.tier1MinutesWithoutProgress) {
    reasons.push(`${idleMinutes} min in tier 1 without agent activity (limit ${settings.tier1MinutesWithoutProgress})`);
  }
  if (ticket.customerRepliesSinceAgent >= settings.customerRepliesBeforeSuggest) {
    reasons.push(`${ticket.customerRepliesSinceAgent} customer replies since the last agent reply`);
  }
  return reasons.length ? reasons.join("; ") : null;
}

/**
 * Marks the ticket "escalation suggested" (once, with the reason and an event) when it is due. Called by the
 * time-trigger pass and right after a customer reply, inside the caller's transaction. Returns the reason or null.
 */
export async function suggestEscalation(
  db: Db,
  input: { workspaceId: string; ticketId: string; now?: Date },
): Promise<string | null> {
  const now = input.now ?? new Date();
  const [row] = await db
    .select({ ticket: tickets, settings: workspaces.settings })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!row) return null;
  const reason = escalationSuggestionReason(row.ticket, readEscalationSettings(row.settings), now);
  if (!reason) return null;
  await db
    .update(tickets)
    .set({ escalationSuggestedReason: reason, updatedAt: now })
    .where(eq(tickets.id, input.ticketId));
  await recordEvent(db, {
    workspaceId: input.workspaceId,
    ticketId: input.ticketId,
    type: "escalation_suggested",
    actorType: "system",
    details: { reason },
    at: now,
  });
  return reason;
}
