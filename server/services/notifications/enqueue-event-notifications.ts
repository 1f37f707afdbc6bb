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

/** recordEvent queues a notifications job for these, in the statement that records the event. */
export const isNotifiable = (type: string) => NOTIFIABLE.has(type);
