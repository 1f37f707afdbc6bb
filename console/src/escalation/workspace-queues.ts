import { signal } from "@preact/signals";
import { ESCALATION_PATHS, queueListSchema, type QueueList } from "../../../shared/index.js";
import { json } from "../api.js";

/** The workspace's queues (the matrix's destinations and the agents' skills), for queue pickers; loaded once. */
export const workspaceQueues = signal<QueueList["queues"]>([]);
let loading: Promise<void> | null = null;

export function loadQueues(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = json(ESCALATION_PATHS.queues, queueListSchema)
    .then((list) => {
      workspaceQueues.value = list.queues;
    })
    .catch(() => {
      // Pickers still offer the ticket's own queue; the next screen retries.
      loading = null;
    });
  return loading;
}

/** Names for a picker: the workspace's queues plus whatever the ticket is in now. */
export const queueNames = (current: string | null) =>
  [...new Set([...(current ? [current] : []), ...workspaceQueues.value.map((q) => q.name)])].sort();
