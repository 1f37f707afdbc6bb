import type { Agent } from "../../shared/agent-api.js";
import type { CustomerScope } from "./customer-scope.js";
import type { Workspace } from "./find-widget-workspace.js";
import type { TicketHolder } from "./upload-token.js";

/** A logged-in agent (session cookie), acting inside their own workspace. */
export interface AgentActor {
  kind: "agent";
  agent: Agent;
}

/** A widget caller: site key + allowed Origin, then a verified identity or this browser's token. */
export interface CustomerActor {
  kind: "customer";
  workspace: Workspace;
  scope: CustomerScope;
}

/** Who is calling a service, in one shape; each is produced only by server/access. */
export type Actor = AgentActor | CustomerActor | TicketHolder;

export const agentActor = (agent: Agent): AgentActor => ({ kind: "agent", agent });
