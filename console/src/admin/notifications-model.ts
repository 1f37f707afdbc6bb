import { signal } from "@preact/signals";
import { z } from "zod";
import {
  type JobIssue,
  jobIssueSchema,
  type NotificationSettingsView,
  notificationSettingsViewSchema,
  type SlackEventType,
  type SlackQueueChannelInput,
  type TestEmailResult,
  testEmailResultSchema,
  type WebhookDeliveryView,
  webhookDeliveryViewSchema,
  type WebhookEndpointView,
  webhookEndpointViewSchema,
  type WebhookEventType,
} from "../../../shared/notifications-api.js";
import { ApiError, json, send } from "../api.js";

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));

const endpointList = z.array(webhookEndpointViewSchema);
const deliveryList = z.array(webhookDeliveryViewSchema);
const jobIssueList = z.array(jobIssueSchema);
const slackView = notificationSettingsViewSchema.shape.slack;

/** Admin → Notifications and Webhooks: settings, endpoints, the open endpoint's delivery log, and their actions. */
export function createNotificationsModel() {
  const settings = signal<NotificationSettingsView | null>(null);
  const endpoints = signal<WebhookEndpointView[]>([]);
  /** The secret of the endpoint just created or rotated: shown once. */
  const newSecret = signal<{ endpointId: string; secret: string } | null>(null);
  const openEndpointId = signal<string | null>(null);
  const deliveries = signal<WebhookDeliveryView[]>([]);
  const error = signal<ApiError | null>(null);
  const busy = signal(false);
  /** The last test email's outcome, as the SMTP server answered it. */
  const testEmail = signal<TestEmailResult | null>(null);
  const testEmailSending = signal(false);
  /** Emails, Slack posts and webhook deliveries that failed: retrying, or out of attempts. */
  const jobIssues = signal<JobIssue[]>([]);
  let poll: ReturnType<typeof setInterval> | undefined;

  async function act<T>(run: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await run();
    } catch (e) {
      error.value = asApiError(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  const load = () =>
    act(async () => {
      settings.value = await json("/api/v1/notifications/settings", notificationSettingsViewSchema);
      endpoints.value = await json("/api/v1/webhooks", endpointList);
      jobIssues.value = await json("/api/v1/notifications/jobs", jobIssueList);
    });

  const loadDeliveries = async () => {
    const id = openEndpointId.value;
    if (!id) return;
    deliveries.value = await json(`/api/v1/webhooks/${id}/deliveries`, deliveryList).catch(() => deliveries.value);
  };

  return {
    settings,
    endpoints,
    newSecret,
    openEndpointId,
    deliveries,
    error,
    busy,
    testEmail,
    testEmailSending,
    jobIssues,
    load,
    /** Loads once and refreshes the open delivery log every 2 s (deliveries settle in the background). */
    start() {
      void load();
      poll = setInterval(() => void loadDeliveries(), 2000);
      return () => clearInterval(poll);
    },
    addEndpoint: (url: string, events: WebhookEventType[], description: string) =>
      act(async () => {
        const created = await json("/api/v1/webhooks", webhookEndpointViewSchema, {
          method: "POST",
          body: { url, events, ...(description ? { description } : {}) },
        });
        newSecret.value = created.secret ? { endpointId: created.id, secret: created.secret } : null;
        endpoints.value = [...endpoints.value, created];
        return created;
      }),
    setEnabled: (id: string, enabled: boolean) =>
      act(async () => {
        const row = await json(`/api/v1/webhooks/${id}`, webhookEndpointViewSchema, {
          method: "PATCH",
          body: { enabled },
        });
        endpoints.value = endpoints.value.map((e) => (e.id === id ? row : e));
      }),
    rotateSecret: (id: string) =>
      act(async () => {
        const row = await json(`/api/v1/webhooks/${id}`, webhookEndpointViewSchema, {
          method: "PATCH",
          body: { rotateSecret: true },
        });
        if (row.secret) newSecret.value = { endpointId: id, secret: row.secret };
      }),
    remove: (id: string) =>
      act(async () => {
        await send(`/api/v1/webhooks/${id}`, { method: "DELETE" });
        endpoints.value = endpoints.value.filter((e) => e.id !== id);
        if (openEndpointId.value === id) openEndpointId.value = null;
      }),
    openLog: async (id: string | null) => {
      openEndpointId.value = id;
      deliveries.value = [];
      await loadDeliveries();
    },
    sendTest: (id: string) =>
      act(async () => {
        await send(`/api/v1/webhooks/${id}/test`, { method: "POST", body: {} });
        openEndpointId.value = id;
        await loadDeliveries();
      }),
    redeliver: (endpointId: string, deliveryId: string) =>
      act(async () => {
        await send(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`, { method: "POST", body: {} });
        await loadDeliveries();
      }),
    saveSlack: (webhookUrl: string | null, events: SlackEventType[], queues?: SlackQueueChannelInput[]) =>
      act(async () => {
        const slack = await json("/api/v1/integrations/slack", slackView, {
          method: "PUT",
          body: { webhookUrl, events, ...(queues ? { queues } : {}) },
        });
        if (settings.value) settings.value = { ...settings.value, slack };
        return slack;
      }),
    /** Sends now and keeps the answer: the SMTP server's acceptance or its error. */
    sendTestEmail: async (to: string) => {
      testEmailSending.value = true;
      testEmail.value = null;
      await act(async () => {
        testEmail.value = await json("/api/v1/notifications/test-email", testEmailResultSchema, {
          method: "POST",
          body: to ? { to } : {},
        });
      });
      testEmailSending.value = false;
    },
    updateSettings: (changes: { allowPrivateTargets?: boolean; rotateInboundSecret?: boolean }) => {
      // A toggle shows its new state at once (a controlled checkbox would otherwise flip back until the save
      // answers); a failed save puts the state the server has back, with the error.
      const before = settings.value;
      const { allowPrivateTargets } = changes;
      if (before && allowPrivateTargets !== undefined) settings.value = { ...before, allowPrivateTargets };
      return act(async () => {
        try {
          settings.value = await json("/api/v1/notifications/settings", notificationSettingsViewSchema, {
            method: "PATCH",
            body: changes,
          });
        } catch (e) {
          settings.value = before;
          throw e;
        }
      });
    },
  };
}
export type NotificationsModel = ReturnType<typeof createNotificationsModel>;
