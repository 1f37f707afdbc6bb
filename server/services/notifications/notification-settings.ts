import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { notificationSettings } from "../../db/schema-notifications.js";
import { randomToken } from "../../lib/crypto.js";

export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;

/** The workspace's notification settings, created with a fresh inbound secret on first use. */
export async function ensureNotificationSettings(db: Db, workspaceId: string): Promise<NotificationSettingsRow> {
  const [existing] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.workspaceId, workspaceId));
  if (existing) return existing;
  await db
    .insert(notificationSettings)
    .values({ workspaceId, inboundEmailSecret: randomToken(24) })
    .onConflictDoNothing();
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.workspaceId, workspaceId));
  return row!;
}
