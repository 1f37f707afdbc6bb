/**
 * Whether this visitor has conversations to follow, from what the browser already knows (no network call): a
 * customer token (created when this browser first sends a ticket, also by beacon or from the outbox, so it is there
 * even when the response never arrived), or a verified identity (identify() with jwt or userHash) that the server has not
 * recently reported as having none. Only then does the page download the conversation
 * chunk and poll, so a first-time visitor's page stays small and quiet. On the launcher path: keep it tiny.
 */
import type { Identity } from "../../shared/context.js";
import { customerKey } from "../transport/customer-key.js";
export const noneKey = (siteKey: string) => `handoff:none:${siteKey}`;

/** How long "this verified user has no conversations" is trusted; after that (or on open) the widget asks again. */
export const NONE_TTL_MS = 6 * 3600_000;

export function hasConversationsLocally(siteKey: string, identity: Identity, now = Date.now()): boolean {
  try {
    if (localStorage.getItem(customerKey(siteKey))) return true;
    if (!identity.userHash && !identity.jwt) return false;
    const none = JSON.parse(localStorage.getItem(noneKey(siteKey)) || "{}");
    return !(none.id === identity.id && now - none.at < NONE_TTL_MS);
  } catch {
    return !!(identity.userHash || identity.jwt); // storage blocked: a verified user may still have conversations
  }
}
