import { z } from "zod";

/**
 * Live updates as server-sent events (text/event-stream).
 *
 * - `GET /api/v1/events`: agent session cookie or API token (Bearer). Every event of the workspace's tickets.
 * - `GET /api/v1/widget/events`: the widget's headers (site key, Origin, customer token or verified user), exactly as
 *   the conversation routes; only the customer's own tickets: public replies, their own messages, status changes.
 *   EventSource cannot send headers, so the widget reads it with a streaming fetch.
 *
 * Each event has `id:` (its feed position: send it back as `Last-Event-ID` to resume without loss or duplicates),
 * `event:` one of LIVE_EVENTS, and JSON `data:` with at least `ticketId`. `event: reset` means the stream could not
 * resume (too far behind): reload the lists. Comment lines (`: heartbeat`) keep proxies from closing an idle stream.
 * Too many open streams (per agent, customer or address): 429 with Retry-After.
 */
export const EVENTS_PATHS = { agent: "/api/v1/events", widget: "/api/v1/widget/events" } as const;

export const LIVE_EVENTS = ["ticket.created", "ticket.updated", "message.created", "ticket.escalated"] as const;
export type LiveEventName = (typeof LIVE_EVENTS)[number];

/** `data:` of an agent stream event: the timeline event (shared/timeline.ts) of one ticket. */
export const agentLiveEventSchema = z.object({
  ticketId: z.uuid(),
  type: z.string(),
  actorType: z.enum(["agent", "customer", "system"]),
  actorId: z.string().nullable(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AgentLiveEvent = z.infer<typeof agentLiveEventSchema>;

/** `data:` of a widget stream event: ids and the new status only; the widget fetches the message itself. */
export const customerLiveEventSchema = z.object({
  ticketId: z.uuid(),
  type: z.enum(["created", "replied", "customer_replied", "status_changed"]),
  at: z.string(),
  messageId: z.uuid().optional(),
  status: z.string().optional(),
});
export type CustomerLiveEvent = z.infer<typeof customerLiveEventSchema>;
