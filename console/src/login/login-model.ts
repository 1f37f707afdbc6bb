import { signal } from "@preact/signals";
import { api, ApiError } from "../api.js";
import { signedIn } from "../session.js";

export function createLoginModel(knownEmail = "") {
  const email = signal(knownEmail);
  const password = signal("");
  const submitting = signal(false);
  const error = signal<ApiError | null>(null);

  async function submit(): Promise<void> {
    if (submitting.value) return;
    submitting.value = true;
    error.value = null;
    try {
      const agent = await api.login({ email: email.value.trim(), password: password.value });
      signedIn(agent);
    } catch (caught) {
      error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
      password.value = "";
    } finally {
      submitting.value = false;
    }
  }

  return { email, password, submitting, error, submit };
}
export type LoginModel = ReturnType<typeof createLoginModel>;
