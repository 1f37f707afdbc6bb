import type { AgentActor } from "../../access/actor.js";
import type { NotificationSettingsView, SlackEventType } from "../../../shared/notifications-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { ensureNotificationSettings, type NotificationSettingsRow } from "./notification-settings.js";

export function settingsView(config: Config, row: NotificationSettingsRow): NotificationSettingsView {
  return {
    smtpConfigured: Boolean(config.notifications.smtpUrl),
    mailFrom: config.notifications.smtpUrl ? config.notifications.mailFrom : null,
    inboundEmailSecret: row.inboundEmailSecret,
    inboundEmailDomain: config.notifications.inboundEmailDomain ?? null,
    allowPrivateTargets: row.allowPrivateTargets,
    slack: {
      webhookUrl: row.slackWebhookUrl,
      events: row.slackEvents as SlackEventType[],
      queues: row.slackQueues.map((q) => ({ ...q, events: q.events as SlackEventType[] })),
    },
  };
}

/** What Admin → Notifications shows: SMTP status, the inbound secret, Slack, the SSRF switch. */
export async function getNotificationSettings(
  db: Db,
  config: Config,
  input: { actor: AgentActor },
): Promise<NotificationSettingsView> {
  assertAdmin(input.actor);
  return settingsView(config, await ensureNotificationSettings(db, input.actor.workspaceId));
}
