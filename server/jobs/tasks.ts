import { deliverWebhook } from "../services/notifications/deliver-webhook.js";
import { NOTIFY_EVENT, NOTIFY_EVENTS } from "../services/notifications/enqueue-event-notifications.js";
import { notifyEvent } from "../services/notifications/notify-event.js";
import { notifyEvents } from "../services/notifications/notify-events.js";
import { POST_TO_SLACK, postToSlack } from "../services/notifications/post-to-slack.js";
import { DELIVER_WEBHOOK } from "../services/notifications/queue-webhook-deliveries.js";
import { SEND_ADMIN_EMAIL, sendAdminEmail } from "../services/notifications/send-admin-email.js";
import { SEND_AGENT_EMAIL, sendAgentEmail } from "../services/notifications/send-agent-email.js";
import { SEND_CUSTOMER_EMAIL, sendCustomerEmail } from "../services/notifications/send-customer-email.js";
import type { TaskList } from "./registry.js";

/** Every task the server runs, by the name addJob() enqueues. Other domains add theirs here. */
export const serverTasks: TaskList = {
  [NOTIFY_EVENT]: notifyEvent,
  [NOTIFY_EVENTS]: notifyEvents,
  [DELIVER_WEBHOOK]: deliverWebhook,
  [SEND_CUSTOMER_EMAIL]: sendCustomerEmail,
  [SEND_AGENT_EMAIL]: sendAgentEmail,
  [POST_TO_SLACK]: postToSlack,
  [SEND_ADMIN_EMAIL]: sendAdminEmail,
};
