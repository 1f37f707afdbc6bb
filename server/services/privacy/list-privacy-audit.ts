import type { AgentActor } from "../../access/actor.js";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents } from "../../db/schema.js";
import { privacyAudit } from "../../db/schema-storage.js";
import type { PrivacyAuditEntry } from "../../../shared/privacy-api.js";
import { assertAdmin } from "../../access/admin-only.js";

/** The workspace's last 100 erasures, deletions, exports and retention sweeps, newest first. */
export async function listPrivacyAudit(
  db: Db,
  input: { actor: AgentActor },
): Promise<{ entries: PrivacyAuditEntry[] }> {
  assertAdmin(input.actor);
  const rows = await db
    .select({ entry: privacyAudit, actorName: agents.name })
    .from(privacyAudit)
    .leftJoin(agents, eq(agents.id, privacyAudit.actorId))
    .where(eq(privacyAudit.workspaceId, input.actor.workspaceId))
    .orderBy(desc(privacyAudit.at))
    .limit(100);
  return {
    entries: rows.map((r) => ({
      id: r.entry.id,
      action: r.entry.action,
      actorName: r.actorName,
      details: r.entry.details,
      at: r.entry.at.toISOString(),
    })),
  };
}
