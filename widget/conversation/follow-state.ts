/** The conversation chunk's side of storage.ts: upload tokens, what the customer has read, the "none" note. */
import { noneKey } from "./known.js";
import { read, type Map as StoredMap, ticketsKey, write } from "./storage.js";

export const readKey = (siteKey: string) => `handoff:read:${siteKey}`;

export const uploadTokenOf = (siteKey: string, ticketId: string): string | undefined =>
  read(ticketsKey(siteKey))[ticketId];

export const lastReadOf = (siteKey: string): StoredMap => read(readKey(siteKey));

/** After a load: remember that this verified user has no conversations (see known.ts), or forget it. */
export const rememberNoConversations = (siteKey: string, userId: string | undefined, none: boolean) => {
  try {
    if (none && userId) localStorage.setItem(noneKey(siteKey), JSON.stringify({ id: userId, at: Date.now() }));
    else localStorage.removeItem(noneKey(siteKey));
  } catch {
    /* blocked storage: the widget just asks again next time */
  }
};

export const markReadUpTo = (siteKey: string, ticketId: string, createdAt: string) => {
  if ((lastReadOf(siteKey)[ticketId] || "") < createdAt) write(readKey(siteKey), ticketId, createdAt);
};
