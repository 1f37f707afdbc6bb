import { MAX_TIER } from "../../../shared/limits.js";
import { readTabDraft, saveTabDraft } from "../ui/tab-drafts.js";
import type { PickedMoment, Step } from "./escalation-form-parts.js";

/**
 * Unsent handoff notes per ticket, kept for the tab (ui/tab-drafts.ts): Esc closes the form and an expired session
 * swaps the ticket for the login screen, and neither may take a note that took minutes to write. Cancel and a sent
 * escalation forget it.
 */
export interface HandoffDraft {
  /** The ticket's tier when the note was written (absent in notes kept before it was recorded). */
  fromTier?: number;
  toTier: number;
  toQueue: string;
  summary: string;
  steps: Step[];
  reason: string;
  customerGoal: string;
  moments: PickedMoment[];
}

const keyOf = (ticketId: string) => `handoff-note:${ticketId}`;

export const readHandoffDraft = (ticketId: string) =>
  readTabDraft<HandoffDraft>(keyOf(ticketId), (v) => {
    const d = v as Partial<HandoffDraft>;
    return typeof d.summary === "string" && Array.isArray(d.steps) && Array.isArray(d.moments);
  });

export const saveHandoffDraft = (ticketId: string, draft: HandoffDraft | null) => saveTabDraft(keyOf(ticketId), draft);

/**
 * A kept note may aim at a tier the ticket has reached since it was written (someone else escalated it): the note
 * then goes one tier above where the ticket is, keeping what the agent wrote, and `notice` tells them so.
 */
export function restoreHandoffDraft(
  draft: HandoffDraft,
  ticket: { tier: number },
): { draft: HandoffDraft; notice: string | null } {
  const movedUp = draft.fromTier === undefined || ticket.tier > draft.fromTier;
  if (!movedUp || draft.toTier > ticket.tier) return { draft: { ...draft, fromTier: ticket.tier }, notice: null };
  if (draft.fromTier === undefined && draft.toTier === ticket.tier) return { draft, notice: null };
  const toTier = Math.min(MAX_TIER, ticket.tier + 1);
  const was = `Your unsent note was for tier ${draft.toTier}, which this ticket has reached since (it is at tier ${ticket.tier} now).`;
  const notice =
    toTier > ticket.tier
      ? `${was} It now goes to tier ${toTier}: check that the note still says what tier ${toTier} needs.`
      : `${was} There is no higher tier: pick another queue, or keep the ticket here.`;
  return { draft: { ...draft, fromTier: ticket.tier, toTier }, notice };
}
