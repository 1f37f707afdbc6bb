import { signal } from "@preact/signals";
import type { Agent } from "../../shared/index.js";
import { api, ApiError, setUnauthorizedListener } from "./api.js";
import { forgetTabDrafts } from "./ui/tab-drafts.js";
import { forgetDrafts } from "./ticket/reply-drafts.js";

/** Who is signed in. "checking" until GET /auth/me answers; any later 401 drops back to "signed-out". */
export type SessionState =
  | { kind: "checking" }
  | { kind: "signed-out"; reason?: "expired" | "logged-out"; email?: string }
  | { kind: "signed-in"; agent: Agent }
  | { kind: "error"; error: ApiError };

export const session = signal<SessionState>({ kind: "checking" });

export function startSession(): () => void {
  const controller = new AbortController();
  const stopListening = setUnauthorizedListener(() => {
    // The login form keeps who was signed in, so the agent types only the password to get back to their work.
    const current = session.value;
    if (current.kind === "signed-in")
      session.value = { kind: "signed-out", reason: "expired", email: current.agent.email };
  });
  void checkSession(controller.signal);
  return () => {
    controller.abort();
    stopListening();
  };
}

export async function checkSession(signal?: AbortSignal): Promise<void> {
  session.value = { kind: "checking" };
  try {
    const agent = await api.me(signal);
    session.value = agent ? { kind: "signed-in", agent } : { kind: "signed-out" };
  } catch (error) {
    if (signal?.aborted) return;
    session.value = {
      kind: "error",
      error: error instanceof ApiError ? error : new ApiError(0, "network", String(error)),
    };
  }
}

export function signedIn(agent: Agent): void {
  session.value = { kind: "signed-in", agent };
}

export async function logOut(): Promise<void> {
  try {
    await api.logout();
  } catch {
    // Even if the call failed, forget the agent locally; the cookie is HttpOnly and the server owns it.
  }
  forgetDrafts();
  forgetTabDrafts();
  session.value = { kind: "signed-out", reason: "logged-out" };
}
