import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { feedback, ticketEvents, tickets, workspaces } from "../../db/schema.js";
import type { AgentFeedback, CustomerFeedback, FeedbackState } from "../../../shared/metrics.js";
import { safeEqual } from "../../lib/crypto.js";
import { uploadTokenFor } from "./create-ticket.js";
import { assertOriginAllowed } from "../../access/find-widget-workspace.js";
import { recordEvent } from "../tickets/record-event.js";
import { isUniqueViolation, notFound, ServiceError } from "../service-error.js";

/** The customer proves the ticket is theirs with its upload token (as for the recording) from an allowed origin. */
export interface CustomerCaller {
  respondent: "customer";
  uploadToken: string | undefined;
  origin: string | undefined;
  ownOrigin: string;
}
/** The agent answers for their own workspace, and only if a handoff was sent to them. */
export interface AgentCaller {
  respondent: "agent";
  workspaceId: string;
  agentId: string;
}
type Caller = CustomerCaller | AgentCaller;

const RESOLVED = ["resolved", "closed"];

async function loadTicket(db: Db, ticketId: string, caller: Caller) {
  const [row] = await db
    .select({ id: tickets.id, status: tickets.status, workspace: workspaces })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) throw notFound("Ticket");
  if (caller.respondent === "agent") {
    if (row.workspace.id !== caller.workspaceId) throw notFound("Ticket");
  } else {
    if (!caller.uploadToken || !safeEqual(uploadTokenFor(row.workspace, row.id), caller.uploadToken)) {
      throw new ServiceError("unauthorized", "Invalid token for this ticket");
    }
    assertOriginAllowed(row.workspace, caller.origin, caller.ownOrigin);
  }
  const escalations = await db
    .select({ details: ticketEvents.details })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, row.id), inArray(ticketEvents.type, ["escalated"])));
  const receivers = new Set(
    escalations.map((e) => e.details.toAgentId).filter((x): x is string => typeof x === "string"),
  );
  const eligible =
    escalations.length > 0 &&
    RESOLVED.includes(row.status) &&
    (caller.respondent === "customer" || receivers.has(caller.agentId));
  const [answered] = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(and(eq(feedback.ticketId, row.id), eq(feedback.respondent, caller.respondent)));
  return { ticket: row, eligible, answered: Boolean(answered), receivers };
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
  if (caller.respondent === "agent" && !receivers.has(caller.agentId) && receivers.size > 0) {
    throw new ServiceError("forbidden", "Only an agent who received this ticket's handoff answers this question");
  }
  if (answered) throw new ServiceError("conflict", "Feedback was already given for this ticket");
  if (!eligible) throw new ServiceError("conflict", "Feedback is asked once an escalated ticket is resolved");
  try {
    await db.transaction(async (tx) => {
      await tx.insert(feedback).values({
        ticketId: ticket.id,
        respondent: caller.respondent,
        agentId: caller.respondent === "agent" ? caller.agentId : null,
        answers: input.answers,
      });
      await recordEvent(tx as unknown as Db, {
        workspaceId: ticket.workspace.id,
        ticketId: ticket.id,
        type: "feedback",
        actorType: caller.respondent,
        actorId: caller.respondent === "agent" ? caller.agentId : null,
        details: { respondent: caller.respondent, answers: input.answers },
      });
      await tx.update(tickets).set({ updatedAt: sql`now()` }).where(eq(tickets.id, ticket.id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError("conflict", "Feedback was already given for this ticket");
    throw error;
  }
  return { ticketId: ticket.id, eligible: false, answered: true };
}
