import type { AgentActor } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import { siteKeys } from "../../db/schema.js";
import type { SiteKeyInfo } from "../../../shared/admin-api.js";
import { randomToken } from "../../lib/crypto.js";
import { assertAdmin } from "../../access/admin-only.js";

/** A further public key (e.g. one per app or environment), revocable on its own. */
export async function createSiteKey(db: Db, input: { actor: AgentActor; label: string }): Promise<SiteKeyInfo> {
  assertAdmin(input.actor);
  const [row] = await db
    .insert(siteKeys)
    .values({ key: `pk_${randomToken(18)}`, workspaceId: input.actor.workspaceId, label: input.label })
    .returning();
  return { key: row.key, label: row.label, primary: false, createdAt: row.createdAt.toISOString(), revokedAt: null };
}
