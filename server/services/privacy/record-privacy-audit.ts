import type { Db } from "../../db/client.js";
import { privacyAudit } from "../../db/schema-storage.js";

type Action = (typeof privacyAudit.$inferInsert)["action"];

/** An audit line says what happened and how much, never to whom: the record of an erasure must not undo it. */
export async function recordPrivacyAudit(
  db: Db,
  input: { workspaceId: string; action: Action; actorId: string | null; details: Record<string, unknown> },
): Promise<void> {
  await db.insert(privacyAudit).values(input);
}
