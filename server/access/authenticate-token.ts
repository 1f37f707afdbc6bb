import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents } from "../db/schema.js";
import { apiTokens } from "../db/schema-tokens.js";
import type { Agent } from "../../shared/agent-api.js";
import type { TokenScope } from "../../shared/tokens-api.js";
import { sha256 } from "../lib/crypto.js";
import { ServiceError } from "../services/service-error.js";

/** The token behind the current request, so timeline events name it as the actor (see record-event.ts). */
export const apiTokenActor = new AsyncLocalStorage<{ id: string; name: string }>();

/** Our tokens start with this, which tells them apart from other Bearer values (e.g. recording upload tokens). */
export const API_TOKEN_PREFIX = "hot_";

export interface TokenPrincipal {
  tokenId: string;
  name: string;
  /** Acts with the creating admin's identity for foreign keys, under the token's name and scopes. */
  agent: Agent;
}

/** The token's principal if it exists, is not revoked, its creator is still active and its scopes cover the call. */
export async function authenticateApiToken(
  db: Db,
  input: { token: string; method: string; path: string },
): Promise<TokenPrincipal> {
  const [row] = await db
    .select({ token: apiTokens, creator: agents })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.tokenHash, sha256(input.token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row?.creator.active) throw new ServiceError("unauthorized", "This API token is unknown or was revoked");
  const scopes = row.token.scopes as TokenScope[];
  if (!scopeAllows(scopes, input.method, input.path)) {
    throw new ServiceError("forbidden", `This API token's scopes (${scopes.join(", ")}) do not allow this call`);
  }
  // At most one write a minute per token for "last used".
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  const { creator } = row;
  return {
    tokenId: row.token.id,
    name: row.token.name,
    agent: {
      id: creator.id,
      workspaceId: creator.workspaceId,
      email: creator.email,
      name: row.token.name,
      role: scopes.includes("admin") ? "admin" : "agent",
      tier: creator.tier,
      skills: creator.skills,
    },
  };
}

/** Which agent API calls a scope set allows (paths under /api/v1). */
export function scopeAllows(scopes: TokenScope[], method: string, path: string): boolean {
  if (scopes.includes("admin")) return true;
  const read = method === "GET" || method === "HEAD";
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (under("/api/v1/tickets")) {
    return scopes.includes("tickets:write") || (read && scopes.includes("tickets:read"));
  }
  if (under("/api/v1/events") || (read && (under("/api/v1/agents") || path === "/api/v1/auth/me"))) {
    return scopes.includes("tickets:read") || scopes.includes("tickets:write");
  }
  if (read && (under("/api/v1/metrics") || under("/api/v1/exports"))) return scopes.includes("metrics:read");
  return false;
}
