import type { AgentActor } from "../../access/actor.js";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiTokens } from "../../db/schema-tokens.js";
import type { TokenList } from "../../../shared/tokens-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import { toApiToken } from "./token-view.js";

/** The workspace's tokens, newest first, revoked ones included (with when). */
export async function listApiTokens(db: Db, input: { actor: AgentActor }): Promise<TokenList> {
  assertAdmin(input.actor);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.workspaceId, input.actor.workspaceId))
    .orderBy(desc(apiTokens.createdAt));
  return { tokens: rows.map(toApiToken) };
}
