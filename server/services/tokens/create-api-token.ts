import type { AgentActor } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import { apiTokens } from "../../db/schema-tokens.js";
import type { TokenCreate, TokenCreated } from "../../../shared/tokens-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import { randomToken, sha256 } from "../../lib/crypto.js";
import { toApiToken } from "./token-view.js";

/** A new token for scripts; only its hash is kept, so this answer is the one time it is shown. */
export async function createApiToken(db: Db, input: { actor: AgentActor; body: TokenCreate }): Promise<TokenCreated> {
  assertAdmin(input.actor);
  const token = `hot_${randomToken(32)}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      workspaceId: input.actor.workspaceId,
      name: input.body.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      scopes: [...new Set(input.body.scopes)],
      createdBy: input.actor.id,
    })
    .returning();
  return { ...toApiToken(row!), token };
}
