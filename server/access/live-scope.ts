import type { CustomerScope } from "./customer-scope.js";

/** Who is following a live stream: an agent (or API token) of a workspace, or one customer of it. */
export type LiveFollower =
  | { kind: "agent"; workspaceId: string }
  | { kind: "customer"; workspaceId: string; scope: CustomerScope };

/** The ticket facts a feed row carries for this decision. */
export interface LiveTicketFacts {
  workspaceId: string;
  type: string;
  customerId: string | null;
  browserTokenHash: string | null;
}

/** What a customer may follow: their own tickets' public replies, their own messages (other tabs), status. */
const CUSTOMER_TYPES = new Set(["created", "replied", "customer_replied", "status_changed"]);

/**
 * Whether a feed row may reach this follower. The customer rule is scopeCondition() (customer-scope.ts) evaluated
 * in memory: a verified user sees their tickets; a browser token only the anonymous tickets it created. Internal
 * notes (note_added) and every agent-side event never reach a customer.
 */
export function mayFollow(follower: LiveFollower, row: LiveTicketFacts): boolean {
  if (row.workspaceId !== follower.workspaceId) return false;
  if (follower.kind === "agent") return true;
  if (!CUSTOMER_TYPES.has(row.type)) return false;
  const { scope } = follower;
  if (scope.kind === "user") return row.customerId === scope.userId;
  // A reply-by-email scope (one ticket) never opens a stream.
  return scope.kind === "browser" && row.customerId === null && row.browserTokenHash === scope.tokenHash;
}
