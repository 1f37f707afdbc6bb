import { signal } from "@preact/signals";
import {
  type AgentEmailKind,
  type AgentNotificationPrefs,
  agentNotificationPrefsViewSchema,
} from "../../../shared/notifications-api.js";
import { ApiError, json } from "../api.js";

const PATH = "/api/v1/notifications/me";
const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));

/** Account → My notifications: each change is saved at once and the server's answer shown. */
export function createMyNotificationsModel() {
  const prefs = signal<AgentNotificationPrefs | null>(null);
  const saving = signal(false);
  const error = signal<ApiError | null>(null);
  /** What the last save did, for the live region ("Saved: …"). */
  const status = signal("");

  async function save(
    changes: { emailEnabled?: boolean; email?: Partial<Record<AgentEmailKind, boolean>> },
    said: string,
  ) {
    saving.value = true;
    error.value = null;
    status.value = "";
    try {
      prefs.value = await json(PATH, agentNotificationPrefsViewSchema, { method: "PUT", body: changes });
      status.value = said;
    } catch (caught) {
      error.value = asApiError(caught);
    } finally {
      saving.value = false;
    }
  }

  return {
    prefs,
    saving,
    error,
    status,
    async load() {
      try {
        prefs.value = await json(PATH, agentNotificationPrefsViewSchema);
      } catch (caught) {
        error.value = asApiError(caught);
      }
    },
    setEmailEnabled: (on: boolean) =>
      save({ emailEnabled: on }, on ? "Saved: notification emails on." : "Saved: no notification emails."),
    setKind: (kind: AgentEmailKind, on: boolean, label: string) =>
      save({ email: { [kind]: on } }, `Saved: ${label} ${on ? "on" : "off"}.`),
  };
}
export type MyNotificationsModel = ReturnType<typeof createMyNotificationsModel>;
