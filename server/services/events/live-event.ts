import type { LiveFollower } from "../../access/live-scope.js";
import type { FeedRow } from "./read-feed.js";

/** The SSE event names of the contract (shared/events-api.ts). */
export function eventName(type: string): string {
  if (type === "created") return "ticket.created";
  if (type === "replied" || type === "note_added" || type === "customer_replied") return "message.created";
  if (type === "escalated") return "ticket.escalated";
  return "ticket.updated";
}

/** What one follower receives for a row: agents the timeline event, customers only ids and the new status. */
export function eventData(follower: LiveFollower, row: FeedRow): Record<string, unknown> {
  if (follower.kind === "agent") {
    return {
      ticketId: row.ticketId,
      type: row.type,
      actorType: row.actorType,
      actorId: row.actorId,
      at: row.at,
      details: row.details,
    };
  }
  const data: Record<string, unknown> = { ticketId: row.ticketId, type: row.type, at: row.at };
  if (typeof row.details.messageId === "string") data.messageId = row.details.messageId;
  if (row.type === "status_changed") data.status = row.details.to;
  return data;
}

/** One SSE frame; `id:` is the feed position, usable as Last-Event-ID. */
export function sseFrame(follower: LiveFollower, row: FeedRow): string {
  return `id: ${row.position}\nevent: ${eventName(row.type)}\ndata: ${JSON.stringify(eventData(follower, row))}\n\n`;
}
