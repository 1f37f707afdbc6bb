import { and, eq, isNull, type SQL } from "drizzle-orm";
import { tickets } from "../db/schema.js";
import { identitySchema } from "../../shared/context.js";
import { sha256 } from "../lib/crypto.js";
import { checkIdentity } from "./identity.js";
import type { Workspace } from "./find-widget-workspace.js";
import { ServiceError } from "../services/service-error.js";

/** Which tickets a widget caller may see: a verified user's, or the anonymous ones this browser created. */
export type CustomerScope =
  | { kind: "user"; userId: string }
  | { kind: "browser"; tokenHash: string }
  /** A verified email reply token (email-reply-token.ts): that one ticket and nothing else. */
  | { kind: "ticket"; ticketId: string };

const MIN_TOKEN_LENGTH = 16;

/**
 * From the X-Handoff-User (identify() JSON) and X-Handoff-Customer (per-browser token) headers. An identity that
 * does not verify grants nothing, so it is ignored rather than trusted.
 */
export function resolveCustomerScope(
  workspace: Workspace,
  headers: { user: string | undefined; customerToken: string | undefined },
): CustomerScope {
  const identity = parseIdentity(headers.user);
  const userId = identity ? checkIdentity(workspace, identity).userId : null;
  if (userId) return { kind: "user", userId };
  const token = headers.customerToken?.trim();
  if (token && token.length >= MIN_TOKEN_LENGTH && token.length <= 200)
    return { kind: "browser", tokenHash: sha256(token) };
  throw new ServiceError(
    "unauthorized",
    "Send a verified identity (X-Handoff-User) or this browser's customer token (X-Handoff-Customer)",
  );
}

function parseIdentity(header: string | undefined) {
  if (!header || header.length > 8192) return undefined;
  // Header values must be Latin-1, so a widget may send base64url(UTF-8 JSON) for ids with other characters.
  const text = header.trimStart().startsWith("{") ? header : Buffer.from(header, "base64url").toString("utf8");
  try {
    const parsed = identitySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SQL condition for the scope. A browser token sees only tickets filed without a verified identity: after a
 * verified user logs out, the next person at that browser must not see their tickets.
 */
export function scopeCondition(workspaceId: string, scope: CustomerScope): SQL {
  if (scope.kind === "ticket") return and(eq(tickets.workspaceId, workspaceId), eq(tickets.id, scope.ticketId))!;
  return scope.kind === "user"
    ? and(eq(tickets.workspaceId, workspaceId), eq(tickets.customerId, scope.userId))!
    : and(
        eq(tickets.workspaceId, workspaceId),
        eq(tickets.browserTokenHash, scope.tokenHash),
        isNull(tickets.customerId),
      )!;
}
