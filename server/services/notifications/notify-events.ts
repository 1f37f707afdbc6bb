import { z } from "zod";
import { addJob } from "../../jobs/add-job.js";
import type { JobContext } from "../../jobs/registry.js";
import { logger } from "../../observability/logger.js";
import { NOTIFY_EVENT } from "./enqueue-event-notifications.js";
import { loadTicketsForMail } from "./load-ticket-for-mail.js";
import { type NotifyBatch, notifyEvent } from "./notify-event.js";

const batchSchema = z.object({ events: z.array(z.record(z.string(), z.unknown())) });

/**
 * A batch of events from the outbox flush, fanned out one after another (notifyEvent), with their tickets read in
 * one go and the workspace's webhook subscriptions once per event type. An event whose fan-out fails gets a job of
 * its own, retried alone with backoff, so the others are not notified twice; only a crash mid-batch runs the batch
 * again (as a crash mid-job always could: each channel's job is queued in the transaction that decides it).
 */
export async function notifyEvents(raw: unknown, ctx: JobContext): Promise<void> {
  const { events } = batchSchema.parse(raw);
  const batch: NotifyBatch = {
    tickets: await loadTicketsForMail(
      ctx.db,
      events.map((e) => ({ workspaceId: String(e.workspaceId), ticketId: String(e.ticketId) })),
    ),
    subscribers: new Map(),
  };
  const failed: Record<string, unknown>[] = [];
  for (const event of events) {
    try {
      await notifyEvent(event, ctx, batch);
    } catch (error) {
      logger.warn({ err: error, eventId: event.eventId }, "notifications: an event of a batch failed; retried alone");
      failed.push(event);
    }
  }
  if (failed.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    for (const event of failed) await addJob(tx, NOTIFY_EVENT, event);
  });
}
