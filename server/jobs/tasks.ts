import { deliverWebhook } from "../services/notifications/deliver-webhook.js";
import { NOTIFY_EVENT } from "../services/notifications/enqueue-event-notifications.js";
import { notifyEvent } from "../services/notifications/notify-event.js";
import { DELIVER_WEBHOOK } from "../services/notifications/queue-webhook-deliveries.js";
import type { TaskList } from "./registry.js";

/** Every task the server runs, by the name addJob() enqueues. Other domains add theirs here. */
export const serverTasks: TaskList = {
  [NOTIFY_EVENT]: notifyEvent,
  [DELIVER_WEBHOOK]: deliverWebhook,
};
