import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import type { Severity } from "../../../shared/agent-api.js";
import { readEscalationSettings } from "../../../shared/escalation-settings.js";
import { TRIAGE_QUEUE, type Triage } from "../../../shared/matrix.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";
import { suggestQueue } from "./classifier/queue-classifier.js";
import { evaluateMatrix, matrixFactsOf } from "./evaluate-matrix.js";
import { getMatrix } from "./get-matrix.js";
import { recordEvent } from "../tickets/record-event.js";
import { notFound } from "../service-error.js";

const PRIORITY_BY_SEVERITY: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };
/** With no rule deciding, a ticket is "degraded" until an agent says otherwise. */
const DEFAULT_SEVERITY: Severity = "medium";

/**
 * Triage on arrival: the matrix sets severity, tier, queue, priority and required handoff fields; when no rule
 * picks a queue, the classifier may (if confident), else the ticket stays in triage. Then routing assigns it.
 * Records `triaged` (and `assigned`) on the timeline.
 */
export async function triageTicket(
  db: Db,
  input: { workspaceId: string; ticketId: string; now?: Date },
): Promise<Triage> {
  const [row] = await db
    .select({ ticket: tickets, settings: workspaces.settings })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!row) throw notFound("Ticket");
  const { ticket } = row;
  const settings = readEscalationSettings(row.settings);
  const matrix = await getMatrix(db, { workspaceId: input.workspaceId });
  const outcome = evaluateMatrix(matrix.rules, matrixFactsOf(ticket, 0));

  let queue = outcome.queue;
  let classifier: Triage["classifier"] = null;
  const notes: string[] = [];
  if (!queue) {
    const suggestion = await suggestQueue(db, { workspaceId: input.workspaceId, ticket });
    const confident =
      suggestion.examples >= settings.classifierMinExamples &&
      suggestion.confidence >= settings.classifierMinConfidence;
    classifier = {
      queue: suggestion.queue,
      confidence: round(suggestion.confidence),
      used: confident && !!suggestion.queue,
      examples: suggestion.examples,
    };
    if (classifier.used) queue = suggestion.queue;
    else notes.push(triageNote(suggestion, settings.classifierMinExamples));
  }
  const severity = outcome.severity ?? DEFAULT_SEVERITY;
  if (!outcome.severity) notes.push(`No severity rule matched: ${DEFAULT_SEVERITY} until an agent decides.`);
  const triage: Triage = {
    matrixVersion: matrix.version,
    rules: outcome.fired,
    classifier,
    note: notes.join(" ") || null,
  };
  const fields = {
    severity,
    tier: outcome.tier,
    queue: queue ?? TRIAGE_QUEUE,
    priority: outcome.priority ?? PRIORITY_BY_SEVERITY[severity],
  };

  await db.transaction(async (tx) => {
    await lockRouting(tx, input.workspaceId);
    const at = input.now ?? new Date();
    await tx
      .update(tickets)
      .set({
        ...fields,
        requiredHandoffFields: outcome.requiredHandoffFields,
        triage,
        tierEnteredAt: at,
        updatedAt: at,
      })
      .where(eq(tickets.id, ticket.id));
    await recordEvent(tx, {
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      type: "triaged",
      actorType: "system",
      details: { ...fields, rules: outcome.fired, ...(classifier ? { classifier } : {}) },
      at,
    });
    await routeTicket(tx, {
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      tier: fields.tier,
      queue: fields.queue,
      previousAgentId: ticket.assigneeId,
      at,
    });
  });
  return triage;
}

function triageNote(
  suggestion: { queue: string | null; confidence: number; examples: number },
  minExamples: number,
): string {
  if (suggestion.examples < minExamples) {
    return `No rule picked a queue and the classifier has learned from ${suggestion.examples} resolved tickets (needs ${minExamples}): waiting in triage.`;
  }
  if (!suggestion.queue) return "No rule picked a queue and the classifier has no suggestion: waiting in triage.";
  return `No rule picked a queue; the classifier suggests ${suggestion.queue} at ${Math.round(suggestion.confidence * 100)}% confidence, too low to route: waiting in triage.`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
