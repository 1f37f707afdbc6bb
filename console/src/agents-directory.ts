import { signal } from "@preact/signals";
import type { AgentListItem } from "../../shared/index.js";
import { api } from "./api.js";

/** The workspace's agents, for assignee pickers and names; loaded once per session, refreshed on demand. */
export const agentsDirectory = signal<AgentListItem[]>([]);
let loading: Promise<void> | null = null;

export function loadAgents(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = api
    .listAgents()
    .then((agents) => {
      agentsDirectory.value = agents;
    })
    .catch(() => {
      // Pickers fall back to "me" and "unassigned"; the next screen retries.
      loading = null;
    });
  return loading;
}

export const agentName = (id: string | null) =>
  id ? (agentsDirectory.value.find((a) => a.id === id)?.name ?? "Unknown agent") : null;
