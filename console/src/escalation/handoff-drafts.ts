import type { PickedMoment, Step } from "./escalation-form-parts.js";

/**
 * Unsent handoff notes per ticket, in this tab's sessionStorage (as replies are, ticket/reply-drafts.ts): Esc closes
 * the form and an expired session swaps the ticket for the login screen, and neither may take a note that took
 * minutes to write. Cancel and a sent escalation forget it; so does logging out.
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

const PREFIX = "handoff:handoff-draft:";

export function readHandoffDraft(ticketId: string): HandoffDraft | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(PREFIX + ticketId) ?? "null") as HandoffDraft | null;
    return saved && typeof saved.summary === "string" && Array.isArray(saved.steps) ? saved : null;
  } catch {
    return null; // Blocked storage or a damaged entry: the form starts from the ticket, as before.
  }
}

export function saveHandoffDraft(ticketId: string, draft: HandoffDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(PREFIX + ticketId, JSON.stringify(draft));
    else sessionStorage.removeItem(PREFIX + ticketId);
  } catch {
    // Full or blocked storage: the note is still on screen.
  }
}

export function forgetHandoffDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
