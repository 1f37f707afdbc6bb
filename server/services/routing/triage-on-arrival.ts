import type { Db } from "../../db/client.js";
import type { Workspace } from "../../access/find-widget-workspace.js";
import { readEscalationSettings } from "../../../shared/escalation-settings.js";
import { classifyTicket, type TicketInput } from "./classifier/queue-classifier.js";
import { decideTriage, type TriageDecision } from "./decide-triage.js";
import { getCachedMatrix } from "./get-matrix.js";
import type { matrixFactsOf } from "./evaluate-matrix.js";

/**
 * Triage of a ticket not stored yet, so it is stored routed in the statement that creates it (the ingest path's
 * round trips are its cost): the matrix and the classifier's model come from this process's short-lived caches.
 */
export async function triageOnArrival(
  db: Db,
  input: { workspace: Workspace; ticket: TicketInput & Parameters<typeof matrixFactsOf>[0] },
): Promise<TriageDecision> {
  const workspaceId = input.workspace.id;
  const matrix = await getCachedMatrix(db, { workspaceId });
  const { classification, examples } = await classifyTicket(db, { workspaceId, ticket: input.ticket });
  return decideTriage({
    ticket: input.ticket,
    settings: readEscalationSettings(input.workspace.settings),
    matrix,
    classification,
    examples,
  });
}
