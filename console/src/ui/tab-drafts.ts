/**
 * Unsaved work kept in this tab's sessionStorage (JSON, one key each): a screen left for another, Esc, or an expired
 * session that swaps the screen for the login form must not take what the agent typed. Logging out forgets it all.
 * (Replies keep their own, older store: ticket/reply-drafts.ts.)
 */
const PREFIX = "handoff:draft:";

export function readTabDraft<T>(key: string, isValid: (value: unknown) => boolean): T | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? "null");
    return saved !== null && isValid(saved) ? (saved as T) : null;
  } catch {
    return null; // Blocked storage or a damaged entry: start from what the server has, as before.
  }
}

export function saveTabDraft(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or blocked storage: the work is still on screen.
  }
}

export function forgetTabDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
