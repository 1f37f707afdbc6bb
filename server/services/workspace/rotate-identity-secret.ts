import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import { randomToken } from "../../lib/crypto.js";
import { assertAdmin } from "../../access/admin-only.js";

/** A new identify() signing secret; user hashes made with the old one stop verifying immediately. */
export async function rotateIdentitySecret(db: Db, input: { actor: AgentActor }): Promise<{ identitySecret: string }> {
  assertAdmin(input.actor);
  const identitySecret = randomToken();
  await db.update(workspaces).set({ identitySecret }).where(eq(workspaces.id, input.actor.workspaceId));
  return { identitySecret };
}
