import type { NotificationSettingsRow } from "./notification-settings.js";

/** A Slack channel that hears a ticket: the workspace's (queue null) or one queue's own. */
export interface SlackChannel {
  queue: string | null;
  webhookUrl: string;
}

/**
 * Who hears this kind of news about a ticket in this queue: the workspace channel (every queue) and the queue's own
 * channel, each only for the events it picked; one post per URL when both name the same one.
 */
export function slackChannelsFor(
  settings: Pick<NotificationSettingsRow, "slackWebhookUrl" | "slackEvents" | "slackQueues">,
  queue: string | null,
  kind: string,
): SlackChannel[] {
  const channels: SlackChannel[] = [];
  if (settings.slackWebhookUrl && settings.slackEvents.includes(kind))
    channels.push({ queue: null, webhookUrl: settings.slackWebhookUrl });
  const own = queue ? settings.slackQueues.find((q) => q.queue === queue) : undefined;
  if (own?.events.includes(kind) && !channels.some((c) => c.webhookUrl === own.webhookUrl))
    channels.push({ queue: own.queue, webhookUrl: own.webhookUrl });
  return channels;
}

/** The channel a queued post names, as configured now (it may have been changed or removed since). */
export function slackChannelNamed(
  settings: Pick<NotificationSettingsRow, "slackWebhookUrl" | "slackEvents" | "slackQueues">,
  queue: string | null | undefined,
  kind: string,
): SlackChannel | undefined {
  if (!queue)
    return settings.slackWebhookUrl && settings.slackEvents.includes(kind)
      ? { queue: null, webhookUrl: settings.slackWebhookUrl }
      : undefined;
  const own = settings.slackQueues.find((q) => q.queue === queue);
  return own?.events.includes(kind) ? { queue: own.queue, webhookUrl: own.webhookUrl } : undefined;
}
