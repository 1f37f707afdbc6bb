import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { addJob } from "../../jobs/add-job.js";
import { rowsOf } from "../../lib/rows-of.js";
import type { JobContext } from "../../jobs/registry.js";
import { logger } from "../../observability/logger.js";
import { buildEventPayload, type TicketEventJob, webhookEventFor } from "./event-payload.js";
import { loadTicketForMail, type TicketForMail } from "./load-ticket-for-mail.js";
import { ensureNotificationSettings } from "./notification-settings.js";
import { POST_TO_SLACK, type SlackJob } from "./post-to-slack.js";
import { slackChannelsFor } from "./slack-channels.js";
import { hasWebhookSubscriber, queueWebhookDeliveries } from "./queue-webhook-deliveries.js";
import { type AgentEmailJob, SEND_AGENT_EMAIL } from "./send-agent-email.js";
import { type CustomerEmailJob, SEND_CUSTOMER_EMAIL } from "./send-customer-email.js";

const eventSchema = z.object({
  eventId: z.number(),
  workspaceId: z.uuid(),
  ticketId: z.uuid(),
  type: z.string(),
  actorType: z.enum(["agent", "customer", "system"]),
  actorId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * Fans one ticket event out to every channel: webhook deliveries, customer and agent emails, Slack. Each is its own
 * job (one slow receiver holds up nobody), all queued in one transaction, so a re-run after a crash queues them once.
 */
export async function notifyEvent(
  raw: unknown,
  ctx: JobContext,
  /** What a batch of events read once (notify-events.ts). */
  batch?: NotifyBatch,
): Promise<void> {
  const event: TicketEventJob = eventSchema.parse(raw);
  const ticket = batch
    ? batch.tickets.get(`${event.workspaceId}:${event.ticketId}`)
    : await loadTicketForMail(ctx.db, event.workspaceId, event.ticketId);
  if (!ticket) return;
  const webhookType = webhookEventFor(event);
  // Most events of most workspaces have no subscriber: asked first (one indexed read), so the body is built, read and
  // checked against its schema only for someone, and nothing is opened when no channel hears the event.
  const subscribed =
    webhookType !== null && (await subscribedTo(ctx, event.workspaceId, webhookType, batch?.subscribers));
  // A body that drifted from its documented schema is not sent (and logged); the event's mails and Slack still go.
  const payload = subscribed
    ? await buildEventPayload(ctx.db, ctx.config, event, webhookType).catch((error: unknown) => {
        if (!(error instanceof z.ZodError)) throw error;
        logger.error({ err: error, eventId: event.eventId, type: webhookType }, "webhook payload off its schema");
        return null;
      })
    : null;
  const mails = Boolean(ctx.config.notifications.smtpUrl);
  const slack = slackJobFor(event, ticket);
  if (!payload && !mails && !slack) return;
  await ctx.db.transaction(async (tx) => {
    if (webhookType && payload)
      await queueWebhookDeliveries(tx, { workspaceId: event.workspaceId, eventType: webhookType, payload });
    if (mails) await queueEmails(tx, event, ticket);
    if (slack) await queueSlack(tx, slack, ticket);
  });
}

function subscribedTo(ctx: JobContext, workspaceId: string, type: string, known?: Map<string, Promise<boolean>>) {
  if (!known) return hasWebhookSubscriber(ctx.db, workspaceId, type);
  const key = `${workspaceId}:${type}`;
  let answer = known.get(key);
  if (!answer) {
    answer = hasWebhookSubscriber(ctx.db, workspaceId, type);
    known.set(key, answer);
  }
  return answer;
}

type Ticket = TicketForMail;

/** A batch's tickets (by "workspaceId:ticketId", loadTicketsForMail) and webhook subscriptions (by workspace and type). */
export interface NotifyBatch {
  tickets: Map<string, Ticket>;
  subscribers: Map<string, Promise<boolean>>;
}

async function queueEmails(tx: Db, event: TicketEventJob, ticket: Ticket) {
  const base = { workspaceId: event.workspaceId, ticketId: event.ticketId };
  const customer = (kind: CustomerEmailJob["kind"], messageId?: string) =>
    addJob(tx, SEND_CUSTOMER_EMAIL, { ...base, kind, messageId, at: event.at } satisfies CustomerEmailJob);
  const agent = (kind: AgentEmailJob["kind"], agentId: string | undefined, escalationId?: string) =>
    agentId && agentId !== event.actorId
      ? addJob(tx, SEND_AGENT_EMAIL, { ...base, agentId, kind, escalationId } satisfies AgentEmailJob)
      : undefined;
  const d = event.details;
  if (event.type === "created") await customer("received");
  if (event.type === "replied") await customer("reply", str(d.messageId));
  if (event.type === "status_changed" && d.to === "resolved") await customer("resolved");
  if (event.type === "assigned" && !(await partOfHandoff(tx, event)))
    await agent(ticket.severity === "critical" ? "critical" : "assigned", str(d.agentId));
  if (event.type === "escalated") await agent("escalated", str(d.toAgentId), str(d.escalationId));
  if (event.type === "bounced") await agent("bounced", str(d.toAgentId), str(d.escalationId));
}

/** An assignment made by an escalation, bounce or de-escalation (same transaction, so same `at`): that mail says it. */
async function partOfHandoff(tx: Db, event: TicketEventJob): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`select 1 from ticket_events e join ticket_events a on a.id = ${event.eventId}
      where e.ticket_id = a.ticket_id and e.at = a.at and e.type in ('escalated', 'bounced', 'de_escalated') limit 1`),
  );
  return rows.length > 0;
}

/** The Slack message an event makes, if any (the channels that hear it are read in queueSlack). */
function slackJobFor(event: TicketEventJob, ticket: Ticket): SlackJob | undefined {
  const base = { workspaceId: event.workspaceId, ticketId: event.ticketId };
  if (event.type === "escalated")
    return { ...base, kind: "ticket.escalated", escalationId: str(event.details.escalationId) };
  if (event.type === "ping_pong") return { ...base, kind: "ticket.ping_pong", reason: str(event.details.reason) };
  if (event.type === "triaged" && event.details.severity === "critical" && ticket.severity === "critical")
    return { ...base, kind: "ticket.critical" };
  return undefined;
}

/** One job per channel that hears it (the workspace's, the ticket's queue's): one failing channel retries alone. */
async function queueSlack(tx: Db, job: SlackJob, ticket: Ticket) {
  const settings = await ensureNotificationSettings(tx, job.workspaceId);
  for (const channel of slackChannelsFor(settings, ticket.queue, job.kind))
    await addJob(tx, POST_TO_SLACK, { ...job, queue: channel.queue } satisfies SlackJob);
}
