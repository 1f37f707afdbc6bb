import type { AgentActor } from "../../access/actor.js";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiTokens } from "../../db/schema-tokens.js";
import { assertAdmin } from "../../access/admin-only.js";
import { notFound } from "../service-error.js";

/** Revokes at once: the next call with it is 401. Revoking twice is fine; another workspace's token is 404. */
export async function revokeApiToken(db: Db, input: { actor: AgentActor; tokenId: string }): Promise<void> {
  assertAdmin(input.actor);
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.workspaceId, input.actor.workspaceId)));
  if (!row) throw notFound("Token");
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt)));
}
