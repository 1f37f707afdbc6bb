import { readTabDraft, saveTabDraft } from "../ui/tab-drafts.js";
import type { PickedMoment, Step } from "./escalation-form-parts.js";

/**
 * Unsent handoff notes per ticket, kept for the tab (ui/tab-drafts.ts): Esc closes the form and an expired session
 * swaps the ticket for the login screen, and neither may take a note that took minutes to write. Cancel and a sent
 * escalation forget it.
 */
export interface HandoffDraft {
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
