import type { AgentActor } from "../../access/actor.js";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { retentionSettings } from "../../db/schema-storage.js";
import type { RetentionSettings } from "../../../shared/privacy-api.js";
import { assertAdmin } from "../../access/admin-only.js";

export const DEFAULT_RETENTION: RetentionSettings = { recordingDays: 90, anonymiseClosedAfterDays: null };

export async function getRetentionSettings(db: Db, input: { actor: AgentActor }): Promise<RetentionSettings> {
  assertAdmin(input.actor);
  const [row] = await db
    .select()
    .from(retentionSettings)
    .where(eq(retentionSettings.workspaceId, input.actor.workspaceId));
  return row
    ? { recordingDays: row.recordingDays, anonymiseClosedAfterDays: row.anonymiseClosedAfterDays }
    : DEFAULT_RETENTION;
}

export async function updateRetentionSettings(
  db: Db,
  input: { actor: AgentActor; settings: RetentionSettings },
): Promise<RetentionSettings> {
  assertAdmin(input.actor);
  const values = { ...input.settings, updatedAt: sql`now()` };
  await db
    .insert(retentionSettings)
    .values({ workspaceId: input.actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: retentionSettings.workspaceId, set: values });
  return input.settings;
}
