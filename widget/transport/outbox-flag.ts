/**
 * A hint in localStorage that the outbox (IndexedDB, in the form chunk) may hold unsent tickets: the launcher path
 * reads it so a page with nothing to retry never downloads the form chunk. Set on save, cleared once the outbox is
 * empty. Never set (a first visit): nothing to retry. Blocked storage answers "maybe" (the outbox is checked).
 */
const KEY = "handoff:outbox";

export function outboxMayHoldItems(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return true;
  }
}

export function setOutboxHint(hasItems: boolean): void {
  try {
    localStorage.setItem(KEY, hasItems ? "1" : "0");
  } catch {
    /* blocked storage: the next page checks the outbox itself */
  }
}
