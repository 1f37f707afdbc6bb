import type { Agent } from "../../shared/agent-api.js";
import { ServiceError } from "../services/service-error.js";

/** Admin actions inside the agent's own workspace: 403 for agents (other workspaces are 404 elsewhere). */
export function assertAdmin(agent: Agent): void {
  if (agent.role !== "admin") throw new ServiceError("forbidden", "Only an admin can do this");
}
