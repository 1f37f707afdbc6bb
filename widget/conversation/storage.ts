/**
 * What the widget remembers about the customer's conversations, per site, in localStorage (the host page's origin):
 * - the upload token of each ticket filed from this browser (needed to answer the feedback questions later);
 * - the newest message time the customer has read, per ticket (the launcher's unread badge).
 * Both bounded; blocked storage only means no badge after a reload and no feedback question.
 * Writing a ticket's token is all the form needs; the rest is in follow-state.ts (conversation chunk).
 */
const MAX_ENTRIES = 50;

export const ticketsKey = (siteKey: string) => `handoff:tickets:${siteKey}`;

export type Map = Record<string, string>;

export const read = (key: string): Map => {
  try {
    const value = JSON.parse(localStorage.getItem(key) || "{}");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
};

/** Sets one entry, dropping the oldest ones (insertion order) beyond the bound. */
export const write = (key: string, id: string, value: string) => {
  const map = read(key);
  delete map[id];
  map[id] = value;
  const ids = Object.keys(map);
  for (const old of ids.slice(0, Math.max(0, ids.length - MAX_ENTRIES))) delete map[old];
  try {
    localStorage.setItem(key, JSON.stringify(map));
  } catch {
    /* quota or blocked storage */
  }
};

/** Called when the server has created a ticket (from the form or from the outbox). */
export const rememberTicket = (siteKey: string, created: { id: string; uploadToken: string }) =>
  write(ticketsKey(siteKey), created.id, created.uploadToken);
