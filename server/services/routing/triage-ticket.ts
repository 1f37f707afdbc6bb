import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import type { Severity } from "../../../shared/agent-api.js";
import { type EscalationSettings, readEscalationSettings } from "../../../shared/escalation-settings.js";
import { TRIAGE_QUEUE, type Triage } from "../../../shared/matrix.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";
import { classifyTicket } from "./classifier/queue-classifier.js";
import { type ModelDecision, routeByModel } from "./classifier/route-decision.js";
import { SECURITY_QUEUE } from "./classifier/routing-model.js";
import { evaluateMatrix, matrixFactsOf } from "./evaluate-matrix.js";
import { getMatrix } from "./get-matrix.js";
import { recordEvent } from "../tickets/record-event.js";
import { notFound } from "../service-error.js";

const PRIORITY_BY_SEVERITY: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };
/** With no rule deciding, a ticket is "degraded" until an agent says otherwise. */
const DEFAULT_SEVERITY: Severity = "medium";
export const SECURITY_DETECTOR_ID = "security-detector";
const SECURITY_DETECTOR_NAME = "Possible security incident goes to tier 3 as critical";

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

  const { classification, examples } = await classifyTicket(db, { workspaceId: input.workspaceId, ticket });
  const decision = routeByModel(classification, settings.classifierMinConfidence);
  const flagged = classification.security.flagged;
  const reason = flagged ? securityReason(classification.security) : null;
  const rules = flagged
    ? [...outcome.fired, { id: SECURITY_DETECTOR_ID, name: SECURITY_DETECTOR_NAME, why: [reason!] }]
    : outcome.fired;

  let queue = outcome.queue;
  let classifier: Triage["classifier"] = null;
  const notes: string[] = [];
  if (flagged) {
    // Security always wins, over queue rules too: an incident told as a billing question is still an incident.
    queue = SECURITY_QUEUE;
    // Kept for a false-alarm mark, which moves the ticket to the best ordinary queue.
    const best = decision.top[0];
    classifier = {
      queue: best?.queue ?? null,
      confidence: round(best?.confidence ?? 0),
      used: false,
      examples,
      top: decision.top.map((t) => ({ queue: t.queue, confidence: round(t.confidence) })),
    };
  } else if (!queue) {
    const used = examples >= settings.classifierMinExamples && decision.routed;
    classifier = {
      queue: decision.suggested,
      confidence: round(decision.confidence),
      used,
      examples,
      top: decision.top.map((t) => ({ queue: t.queue, confidence: round(t.confidence) })),
    };
    if (used) queue = decision.suggested;
    else notes.push(triageNote(decision, examples, settings));
  }
  const severity: Severity = flagged ? "critical" : (outcome.severity ?? DEFAULT_SEVERITY);
  if (!flagged && !outcome.severity)
    notes.push(`No severity rule matched: ${DEFAULT_SEVERITY} until an agent decides.`);
  const triage: Triage = {
    matrixVersion: matrix.version,
    rules,
    classifier,
    security: { probability: round(classification.security.probability), flagged, reason },
    note: notes.join(" ") || null,
  };
  const requiredHandoffFields =
    flagged && !outcome.requiredHandoffFields.includes("replayMoments")
      ? [...outcome.requiredHandoffFields, "replayMoments"]
      : outcome.requiredHandoffFields;
  const fields = {
    severity,
    tier: flagged ? 3 : outcome.tier,
    queue: queue ?? TRIAGE_QUEUE,
    priority: flagged ? 3 : (outcome.priority ?? PRIORITY_BY_SEVERITY[severity]),
  };

  await db.transaction(async (tx) => {
    await lockRouting(tx, input.workspaceId);
    const at = input.now ?? new Date();
    await tx
      .update(tickets)
      .set({
        ...fields,
        requiredHandoffFields,
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
      details: { ...fields, rules, ...(classifier ? { classifier } : {}), ...(flagged ? { security: reason } : {}) },
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

function triageNote(decision: ModelDecision, examples: number, settings: EscalationSettings): string {
  if (examples < settings.classifierMinExamples) {
    return `No rule picked a queue and the classifier has learned from ${examples} resolved tickets (needs ${settings.classifierMinExamples}): waiting in triage.`;
  }
  const options = decision.top.map((t) => `${t.queue} (${Math.round(t.confidence * 100)}%)`).join(" or ");
  return `No rule picked a queue; the classifier suggests ${options}, below the ${Math.round(settings.classifierMinConfidence * 100)}% needed to route: waiting in triage.`;
}

/** What agents read on a flagged ticket: why the detector thinks it is an incident. */
function securityReason(security: { probability: number; signals: string[] }): string {
  const words = security.signals.map((w) => `"${w}"`).join(", ");
  return `Looks like unauthorised access or another security incident (${Math.round(security.probability * 100)}%)${words ? `: ${words}` : ""}`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
