import { z } from "zod";
import type { JobContext } from "../../jobs/registry.js";
import { buildEventPayload, type TicketEventJob, webhookEventFor } from "./event-payload.js";
import { queueWebhookDeliveries } from "./queue-webhook-deliveries.js";

const eventSchema = z.object({
  workspaceId: z.uuid(),
  ticketId: z.uuid(),
  type: z.string(),
  actorType: z.enum(["agent", "customer", "system"]),
  actorId: z.uuid().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});

/**
 * Fans one ticket event out to every channel: webhook deliveries (each its own job, so one slow receiver holds up
 * nobody). Runs again safely only before it queued anything: each channel queues inside one transaction.
 */
export async function notifyEvent(raw: unknown, ctx: JobContext): Promise<void> {
  const event: TicketEventJob = eventSchema.parse(raw);
  const webhookType = webhookEventFor(event);
  if (webhookType) {
    const payload = await buildEventPayload(ctx.db, ctx.config, event, webhookType);
    if (payload)
      await queueWebhookDeliveries(ctx.db, { workspaceId: event.workspaceId, eventType: webhookType, payload });
  }
}
