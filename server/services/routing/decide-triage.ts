import type { Severity } from "../../../shared/agent-api.js";
import type { EscalationSettings } from "../../../shared/escalation-settings.js";
import { TRIAGE_QUEUE, type Matrix, type Triage } from "../../../shared/matrix.js";
import { type ModelDecision, routeByModel } from "./classifier/route-decision.js";
import { type Classification, SECURITY_QUEUE } from "./classifier/routing-model.js";
import { evaluateMatrix, matrixFactsOf } from "./evaluate-matrix.js";

const PRIORITY_BY_SEVERITY: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };
/** With no rule deciding, a ticket is "degraded" until an agent says otherwise. */
const DEFAULT_SEVERITY: Severity = "medium";
export const SECURITY_DETECTOR_ID = "security-detector";
const SECURITY_DETECTOR_NAME = "Possible security incident goes to tier 3 as critical";

export interface TriageDecision {
  fields: { severity: Severity; tier: number; queue: string; priority: number };
  requiredHandoffFields: string[];
  triage: Triage;
  /** The "triaged" timeline event's details. */
  eventDetails: Record<string, unknown>;
}

/**
 * What triage decides, from the ticket, the matrix in force and the classifier's view (no database): the matrix sets
 * severity, tier, queue, priority and required handoff fields; when no rule picks a queue, the classifier may (if
 * confident), else the ticket stays in triage; a suspected security incident overrides both.
 */
export function decideTriage(input: {
  ticket: Parameters<typeof matrixFactsOf>[0];
  settings: EscalationSettings;
  matrix: Pick<Matrix, "version" | "rules">;
  classification: Classification;
  examples: number;
}): TriageDecision {
  const { settings, matrix, classification, examples } = input;
  const outcome = evaluateMatrix(matrix.rules, matrixFactsOf(input.ticket, 0));
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
  const eventDetails = {
    ...fields,
    rules,
    ...(classifier ? { classifier } : {}),
    ...(flagged ? { security: reason } : {}),
  };
  return { fields, requiredHandoffFields, triage, eventDetails };
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
