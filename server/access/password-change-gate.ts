import type { Agent } from "../../shared/agent-api.js";
import { ServiceError } from "../services/service-error.js";

/**
 * An agent whose password is temporary (generated at first start and printed, or set by an admin) may only find out
 * who they are and change it: GET /auth/me and PATCH of their own agent (the service then accepts only a new
 * password). Everything else answers 403 password_change_required, so a leaked first password reaches no ticket.
 */
export function assertPasswordChosen(agent: Agent, request: { method: string; path: string }): void {
  if (!agent.mustChangePassword) return;
  const path = request.path.replace(/\/+$/, "");
  if (request.method === "GET" && path === "/api/v1/auth/me") return;
  if (request.method === "PATCH" && path === `/api/v1/agents/${agent.id}`) return;
  throw new ServiceError(
    "password_change_required",
    "Choose a new password before anything else: yours is temporary (PATCH /api/v1/agents/{your id})",
  );
}
