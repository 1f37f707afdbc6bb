import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { feedback, ticketEvents, tickets, workspaces } from "../../db/schema.js";
import type { AgentFeedback, CustomerFeedback, FeedbackState } from "../../../shared/metrics.js";
import type { AgentActor } from "../../access/actor.js";
import type { TicketHolder } from "../../access/upload-token.js";
import { recordEvent } from "../tickets/record-event.js";
import { isUniqueViolation, notFound, ServiceError } from "../service-error.js";

/**
 * The customer holds the ticket's upload token (the widget) or its signed survey link (the resolved mail); an agent
 * answers only if a handoff was sent to them.
 */
type Caller = AgentActor | TicketHolder;
const respondentOf = (caller: Caller) => (caller.kind === "agent" ? ("agent" as const) : ("customer" as const));

const RESOLVED = ["resolved", "closed"];

async function loadTicket(db: Db, ticketId: string, caller: Caller) {
  const [row] = await db
    .select({ id: tickets.id, status: tickets.status, workspace: workspaces })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) throw notFound("Ticket");
  // The ticket holder was authenticated for this very ticket by server/access; an agent only in their workspace.
  const allowed = caller.kind === "agent" ? row.workspace.id === caller.workspaceId : caller.ticketId === row.id;
  if (!allowed) throw notFound("Ticket");
  const facts = await feedbackFacts(db, row, respondentOf(caller));
  const eligible = facts.eligible && (caller.kind !== "agent" || facts.receivers.has(caller.id));
  return { ticket: row, eligible, answered: facts.answered, receivers: facts.receivers };
}

/** Escalated and resolved (who received the handoffs), and whether this respondent already answered. */
async function feedbackFacts(db: Db, ticket: { id: string; status: string }, respondent: "agent" | "customer") {
  const escalations = await db
    .select({ details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticket.id), inArray(ticketEvents.type, ["escalated"])));
  const receivers = new Set(
    escalations.map((e) => e.details.toAgentId).filter((x): x is string => typeof x === "string"),
  );
  const [answered] = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(and(eq(feedback.ticketId, ticket.id), eq(feedback.respondent, respondent)));
  return {
    eligible: escalations.length > 0 && RESOLVED.includes(ticket.status),
    answered: Boolean(answered),
    receivers,
  };
}

/** Whether the customer's questions are due (escalated, resolved, not answered): the resolved mail then asks them. */
export async function customerFeedbackDue(db: Db, ticket: { id: string; status: string }): Promise<boolean> {
  const facts = await feedbackFacts(db, ticket, "customer");
  return facts.eligible && !facts.answered;
}

export async function getFeedbackState(db: Db, input: { ticketId: string; caller: Caller }): Promise<FeedbackState> {
  const { ticket, eligible, answered } = await loadTicket(db, input.ticketId, input.caller);
  return { ticketId: ticket.id, eligible: eligible && !answered, answered };
}

/** Stores the answers once (a second answer is 409) and puts them on the timeline. */
export async function submitFeedback(
  db: Db,
  input: { ticketId: string; caller: Caller; answers: CustomerFeedback | AgentFeedback },
): Promise<FeedbackState> {
  const { ticket, eligible, answered, receivers } = await loadTicket(db, input.ticketId, input.caller);
  const caller = input.caller;
  const respondent = respondentOf(caller);
  const agentId = caller.kind === "agent" ? caller.id : null;
  if (agentId && !receivers.has(agentId) && receivers.size > 0) {
    throw new ServiceError("forbidden", "Only an agent who received this ticket's handoff answers this question");
  }
  if (answered) throw new ServiceError("conflict", "Feedback was already given for this ticket");
  if (!eligible) throw new ServiceError("conflict", "Feedback is asked once an escalated ticket is resolved");
  try {
    await db.transaction(async (tx) => {
      await tx.insert(feedback).values({
        ticketId: ticket.id,
        respondent,
        agentId,
        answers: input.answers,
      });
      await recordEvent(tx, {
        workspaceId: ticket.workspace.id,
        ticketId: ticket.id,
        type: "feedback",
        actorType: respondent,
        actorId: agentId,
        details: { respondent, answers: input.answers },
      });
      await tx.update(tickets).set({ updatedAt: sql`now()` }).where(eq(tickets.id, ticket.id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError("conflict", "Feedback was already given for this ticket");
    throw error;
  }
  return { ticketId: ticket.id, eligible: false, answered: true };
}
