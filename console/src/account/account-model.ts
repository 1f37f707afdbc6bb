import { signal } from "@preact/signals";
import { api, ApiError } from "../api.js";

/** The signed-in agent changes their own password; the server ends their other sessions. */
export function createAccountModel(agentId: string, onSaved?: () => void) {
  const current = signal("");
  const next = signal("");
  const saving = signal(false);
  const error = signal<ApiError | null>(null);
  const saved = signal(false);

  return {
    current,
    next,
    saving,
    error,
    saved,
    async submit(): Promise<void> {
      saving.value = true;
      error.value = null;
      saved.value = false;
      try {
        await api.updateAgent(agentId, { password: next.value, currentPassword: current.value });
        current.value = "";
        next.value = "";
        saved.value = true;
        onSaved?.();
      } catch (caught) {
        error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
      } finally {
        saving.value = false;
      }
    },
  };
}
