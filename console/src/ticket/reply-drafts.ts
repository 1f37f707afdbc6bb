/**
 * Unsent replies per ticket, kept in this tab's sessionStorage: an expired session swaps the ticket for the login
 * screen, and logging in again brings the agent back to the reply they were typing. Logging out forgets them.
 */
const PREFIX = "handoff:reply-draft:";

export function readDraft(ticketId: string): string {
  try {
    return sessionStorage.getItem(PREFIX + ticketId) ?? "";
  } catch {
    return ""; // Storage blocked: the draft lives as long as the screen, as before.
  }
}

export function saveDraft(ticketId: string, text: string): void {
  try {
    if (text.trim()) sessionStorage.setItem(PREFIX + ticketId, text);
    else sessionStorage.removeItem(PREFIX + ticketId);
  } catch {
    // Full or blocked storage: nothing to do, the text is still on screen.
  }
}

export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
