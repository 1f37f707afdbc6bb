import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  NotificationSettingsView,
  notificationSettingsUpdateSchema,
  SlackSettingsInput,
} from "../../../shared/notifications-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { notificationSettings } from "../../db/schema-notifications.js";
import { randomToken } from "../../lib/crypto.js";
import { settingsView } from "./get-notification-settings.js";
import { ensureNotificationSettings } from "./notification-settings.js";

type Changes = z.infer<typeof notificationSettingsUpdateSchema> & { slack?: SlackSettingsInput };

/** Changes the SSRF switch, rotates the inbound secret (old reply addresses stop working) or sets Slack's channels. */
export async function updateNotificationSettings(
  db: Db,
  config: Config,
  input: { actor: AgentActor; changes: Changes },
): Promise<NotificationSettingsView> {
  assertAdmin(input.actor);
  await ensureNotificationSettings(db, input.actor.workspaceId);
  const { changes } = input;
  const [row] = await db
    .update(notificationSettings)
    .set({
      ...(changes.allowPrivateTargets !== undefined ? { allowPrivateTargets: changes.allowPrivateTargets } : {}),
      ...(changes.rotateInboundSecret ? { inboundEmailSecret: randomToken(24) } : {}),
      ...(changes.slack ? { slackWebhookUrl: changes.slack.webhookUrl, slackEvents: changes.slack.events } : {}),
      ...(changes.slack?.queues ? { slackQueues: changes.slack.queues } : {}),
      updatedAt: new Date(),
    })
    .where(eq(notificationSettings.workspaceId, input.actor.workspaceId))
    .returning();
  return settingsView(config, row!);
}
