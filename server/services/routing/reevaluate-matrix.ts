import { systemActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import type { Severity } from "../../../shared/agent-api.js";
import { TRIAGE_QUEUE, triageSchema, type FiredRule, type Matrix, type MatrixRule } from "../../../shared/matrix.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";
import { explainMatch, matrixFactsOf } from "./evaluate-matrix.js";
import { getMatrix } from "./get-matrix.js";
import { recordEvent } from "../tickets/record-event.js";

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Rules that can start to hold after arrival: they look at customer replies or time without agent activity. */
export const isLaterRule = (rule: MatrixRule) =>
  rule.enabled &&
  (rule.when.customerRepliesAtLeast !== undefined || rule.when.minutesInTierWithoutAgentActivity !== undefined);

/**
 * Runs the matrix's reply- and time-based rules again on an open ticket (after a customer reply, and in the
 * time-trigger pass). A rule fires at most once per ticket; what it sets only escalates the ticket: severity,
 * priority and tier rise, the queue changes only while the ticket still waits in triage. Records a `triaged`
 * event with the rules that fired, and re-routes when the tier or queue changed. Call inside a transaction.
 */
export async function reevaluateMatrix(
  db: Db,
  input: { workspaceId: string; ticketId: string; now?: Date; matrix?: Matrix },
): Promise<FiredRule[]> {
  const matrix = input.matrix ?? (await getMatrix(db, { actor: systemActor(input.workspaceId) }));
  const laterRules = matrix.rules.filter(isLaterRule);
  if (laterRules.length === 0) return [];
  const [ticket] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
    .limit(1);
  if (!ticket || !["open", "pending", "escalated"].includes(ticket.status)) return [];
  const parsed = triageSchema.safeParse(ticket.triage);
  // Untriaged tickets (triage failed at arrival) are left to an agent rather than half-triaged here.
  if (!parsed.success) return [];
  const triage = parsed.data;
  const already = new Set(triage.rules.map((r) => r.id));
  const now = input.now ?? new Date();
  const since = Math.max(ticket.tierEnteredAt.getTime(), ticket.lastAgentActivityAt?.getTime() ?? 0);
  const facts = matrixFactsOf(ticket, Math.max(0, (now.getTime() - since) / 60_000));

  let severity = ticket.severity;
  let { priority, tier, queue } = ticket;
  const required = new Set(ticket.requiredHandoffFields);
  const fired: FiredRule[] = [];
  for (const rule of laterRules) {
    if (already.has(rule.id)) continue;
    const why = explainMatch(rule.when, facts, severity);
    if (!why) continue;
    fired.push({ id: rule.id, name: rule.name, why });
    const then = rule.then;
    if (then.severity && (!severity || SEVERITY_RANK[then.severity] > SEVERITY_RANK[severity]))
      severity = then.severity;
    if (then.priority !== undefined) priority = Math.max(priority, then.priority);
    if (then.tier !== undefined) tier = Math.max(tier, then.tier);
    if (then.queue && (queue === null || queue === TRIAGE_QUEUE)) queue = then.queue;
    for (const field of then.requiredHandoffFields ?? []) required.add(field);
  }
  if (fired.length === 0) return [];

  const fields = { severity, tier, queue, priority };
  const moved = tier !== ticket.tier || queue !== ticket.queue;
  if (moved) await lockRouting(db, input.workspaceId);
  await db
    .update(tickets)
    .set({
      ...fields,
      requiredHandoffFields: [...required],
      triage: { ...triage, rules: [...triage.rules, ...fired] },
      ...(tier !== ticket.tier ? { tierEnteredAt: now } : {}),
      updatedAt: now,
    })
    .where(eq(tickets.id, ticket.id));
  await recordEvent(db, {
    workspaceId: input.workspaceId,
    ticketId: ticket.id,
    type: "triaged",
    actorType: "system",
    details: {
      ...fields,
      rules: fired,
      reevaluated: true,
      previous: { severity: ticket.severity, tier: ticket.tier, queue: ticket.queue, priority: ticket.priority },
    },
    at: now,
  });
  if (moved) {
    await routeTicket(db, {
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      tier,
      queue,
      previousAgentId: ticket.assigneeId,
      at: now,
    });
  }
  return fired;
}
