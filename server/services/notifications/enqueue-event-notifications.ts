import type { Db } from "../../db/client.js";
import { addJob } from "../../jobs/add-job.js";
import type { TicketEventJob } from "./event-payload.js";

export const NOTIFY_EVENT = "notifications.event";

/** Timeline events someone outside the page may hear about (webhooks, email, Slack). */
const NOTIFIABLE = new Set([
  "created",
  "triaged",
  "assigned",
  "escalated",
  "bounced",
  "status_changed",
  "replied",
  "customer_replied",
  "feedback",
  "ping_pong",
]);

/** Called by recordEvent in the transaction of the change: the notifications exist if and only if it commits. */
export async function enqueueEventNotifications(db: Db, event: TicketEventJob): Promise<void> {
  if (!NOTIFIABLE.has(event.type)) return;
  await addJob(db, NOTIFY_EVENT, event);
}
