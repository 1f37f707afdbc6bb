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
    const before = prefs.value;
    // Optimistic: the box shows what the agent clicked while the save runs (re-rendering the old value
    // would flip it back under their pointer); a refused save puts it back.
    if (before) {
      prefs.value = {
        ...before,
        emailEnabled: changes.emailEnabled ?? before.emailEnabled,
        email: { ...before.email, ...changes.email },
      };
    }
    saving.value = true;
    error.value = null;
    status.value = "";
    try {
      prefs.value = await json(PATH, agentNotificationPrefsViewSchema, { method: "PUT", body: changes });
      status.value = said;
    } catch (caught) {
      prefs.value = before;
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
