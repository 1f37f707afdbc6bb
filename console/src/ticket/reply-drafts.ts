/**
 * Unsent replies per ticket, kept in this tab's sessionStorage: an expired session swaps the ticket for the login
 * screen, and logging in again brings the agent back to the reply they were typing. Logging out forgets them.
 * A draft written as an internal note comes back as one: restored as a public reply, Ctrl+Enter would send it to
 * the customer.
 */
const PREFIX = "handoff:reply-draft:";
const NOTE = `${PREFIX}note:`;

export function readDraft(ticketId: string): { text: string; internal: boolean } {
  try {
    const text = sessionStorage.getItem(PREFIX + ticketId) ?? "";
    return { text, internal: text !== "" && sessionStorage.getItem(NOTE + ticketId) === "1" };
  } catch {
    return { text: "", internal: false }; // Storage blocked: the draft lives as long as the screen, as before.
  }
}

export function saveDraft(ticketId: string, text: string, internal: boolean): void {
  try {
    if (text.trim()) sessionStorage.setItem(PREFIX + ticketId, text);
    else sessionStorage.removeItem(PREFIX + ticketId);
    if (text.trim() && internal) sessionStorage.setItem(NOTE + ticketId, "1");
    else sessionStorage.removeItem(NOTE + ticketId);
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
