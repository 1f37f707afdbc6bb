import type { Agent } from "../../shared/agent-api.js";
import type { CustomerScope } from "./customer-scope.js";
import type { Workspace } from "./find-widget-workspace.js";
import type { TicketHolder } from "./upload-token.js";

/**
 * A logged-in agent (session cookie) or an API token acting as its creator, inside their own workspace: the agent's
 * fields plus the tag that tells actors apart. Every agent-side service takes it as `actor`.
 */
export type AgentActor = Agent & { kind: "agent" };

/** A widget caller: site key + allowed Origin, then a verified identity or this browser's token. */
export interface CustomerActor {
  kind: "customer";
  workspace: Workspace;
  scope: CustomerScope;
}

/**
 * Handoff itself, acting for a workspace: triage on arrival, time triggers, the job queue. Only background code
 * creates one; no request can.
 */
export interface SystemActor {
  kind: "system";
  workspaceId: string;
}

/** Who reads or changes a workspace's data: an agent (or API token), or the server's own background work. */
export type WorkspaceActor = AgentActor | SystemActor;

/** Who is calling a service, in one shape; each is produced only by server/access (or background code, for system). */
export type Actor = AgentActor | CustomerActor | TicketHolder | SystemActor;

export const agentActor = (agent: Agent): AgentActor => ({ ...agent, kind: "agent" });

export const systemActor = (workspaceId: string): SystemActor => ({ kind: "system", workspaceId });
