import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { escalations } from "../../db/schema.js";
import type { JobContext } from "../../jobs/registry.js";
import { loadTicketForMail } from "./load-ticket-for-mail.js";
import { ensureNotificationSettings } from "./notification-settings.js";
import { postOutbound } from "./post-outbound.js";
import { consoleTicketUrl } from "./public-links.js";
import { slackChannelNamed } from "./slack-channels.js";

export const POST_TO_SLACK = "slack.post";

const payloadSchema = z.object({
  workspaceId: z.uuid(),
  ticketId: z.uuid(),
  kind: z.enum(["ticket.escalated", "ticket.critical", "ticket.ping_pong"]),
  escalationId: z.uuid().optional(),
  reason: z.string().optional(),
  /** The queue whose own channel this post is for; absent or null: the workspace channel. */
  queue: z.string().nullable().optional(),
});
export type SlackJob = z.infer<typeof payloadSchema>;

const HEADLINES: Record<SlackJob["kind"], string> = {
  "ticket.escalated": ":arrow_up: Escalated",
  "ticket.critical": ":rotating_light: Critical ticket",
  "ticket.ping_pong": ":ping_pong: Ping-pong",
};

/** Posts a Block Kit message to a Slack incoming webhook (workspace or queue channel); non-2xx is retried. */
export async function postToSlack(raw: unknown, ctx: JobContext): Promise<void> {
  const job = payloadSchema.parse(raw);
  const settings = await ensureNotificationSettings(ctx.db, job.workspaceId);
  const channel = slackChannelNamed(settings, job.queue, job.kind);
  if (!channel) return;
  const ticket = await loadTicketForMail(ctx.db, job.workspaceId, job.ticketId);
  if (!ticket) return;
  const lines = [
    `*${HEADLINES[job.kind]}: <${consoleTicketUrl(ctx.config, ticket.id)}|${ticket.reference}>* ${ticket.subject}`,
  ];
  lines.push(`Severity ${ticket.severity ?? "–"} · tier ${ticket.tier} · queue ${ticket.queue ?? "–"}`);
  if (job.escalationId) {
    const [handoff] = await ctx.db
      .select({ summary: escalations.summary, reason: escalations.reason })
      .from(escalations)
      .where(and(eq(escalations.id, job.escalationId), eq(escalations.ticketId, ticket.id)));
    if (handoff) lines.push(`*Handoff:* ${handoff.summary}`, `*Why:* ${handoff.reason}`);
  }
  if (job.reason) lines.push(`*Why:* ${job.reason}`);
  const body = {
    text: `${HEADLINES[job.kind]}: ${ticket.reference} ${ticket.subject}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n").slice(0, 2900) } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Open ticket and replay" },
            url: consoleTicketUrl(ctx.config, ticket.id),
          },
        ],
      },
    ],
  };
  const result = await postOutbound(
    channel.webhookUrl,
    JSON.stringify(body),
    {},
    {
      timeoutMs: ctx.config.notifications.webhookTimeoutMs,
      allowPrivate: settings.allowPrivateTargets,
    },
  );
  if (result.status < 200 || result.status >= 300)
    throw new Error(`Slack answered ${result.status}: ${result.excerpt}`);
}
