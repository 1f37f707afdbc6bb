import type { AgentActor } from "../../access/actor.js";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, tickets } from "../../db/schema.js";
import type { TicketDetail } from "../../../shared/agent-api.js";
import type { TicketUpdate } from "../../../shared/conversation.js";
import { detectPingPong } from "../escalation/detect-ping-pong.js";
import { getTicket } from "./get-ticket.js";
import { recordEvent } from "./record-event.js";
import { ServiceError } from "../service-error.js";
import { lockTicket } from "./workspace-ticket.js";
import { assertUnchanged } from "./assert-unchanged.js";
import { unknownQueueIssue } from "./known-queue.js";
import type { ErrorIssue } from "../../../shared/errors.js";
import { assignmentGaps } from "../../../shared/assignment-fit.js";

const ENDED = new Set(["resolved", "closed"]);

/**
 * Claims/assigns, changes status, severity and queue. Only real changes are written, each as one timeline event,
 * in the transaction that makes it (the escalation and metrics work reads them).
 */
export async function updateTicket(
  db: Db,
  input: { actor: AgentActor; ticketId: string; changes: TicketUpdate },
): Promise<TicketDetail> {
  const { actor, ticketId } = input;
  // "me" is the caller, as in the queue's assignee=me: a claim from a script needs no lookup of its own id.
  const changes = input.changes.assigneeId === "me" ? { ...input.changes, assigneeId: actor.id } : input.changes;
  const workspaceId = actor.workspaceId;
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, workspaceId, ticketId);
    await assertUnchanged(tx, ticket, changes.seen);
    const event = (type: Parameters<typeof recordEvent>[1]["type"], details: Record<string, unknown>) =>
      recordEvent(tx, { workspaceId, ticketId, type, actorType: "agent", actorId: actor.id, details });
    const set: Partial<typeof tickets.$inferInsert> = {};
    const assignee = await assertValid(tx, actor, ticket, changes);

    if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assigneeId) {
      if (changes.assigneeId === null) {
        await event("unassigned", { previousAgentId: ticket.assigneeId });
      } else {
        // Allowed (a lead's call), but on the record: the agent lacks the queue's skill or the ticket's tier.
        const gaps =
          assignee &&
          assignmentGaps(assignee, {
            queue: changes.queue !== undefined ? changes.queue : ticket.queue,
            tier: ticket.tier,
          });
        await event("assigned", {
          agentId: changes.assigneeId,
          previousAgentId: ticket.assigneeId,
          reason: changes.assigneeId === actor.id ? "claim" : "manual",
          ...(gaps ? { override: gaps } : {}),
        });
      }
      set.assigneeId = changes.assigneeId;
    }
    if (changes.status !== undefined && changes.status !== ticket.status) {
      await event("status_changed", { from: ticket.status, to: changes.status });
      set.status = changes.status;
      if (ENDED.has(changes.status) && !ENDED.has(ticket.status)) {
        set.resolvedAt = sql`now()` as never;
        // Ping-pong counts since the last resolution: settled, the flag goes (its event stays, for the metrics), so a
        // reopened ticket is flagged again only if it bounces around again.
        set.pingPong = false;
      }
      if (!ENDED.has(changes.status)) set.resolvedAt = null;
    }
    const fields: Record<string, { from: unknown; to: unknown }> = {};
    if (changes.severity !== undefined && changes.severity !== ticket.severity) {
      fields.severity = { from: ticket.severity, to: changes.severity };
      set.severity = changes.severity;
    }
    if (changes.queue !== undefined && changes.queue !== ticket.queue) {
      fields.queue = { from: ticket.queue, to: changes.queue };
      set.queue = changes.queue;
    }
    if (Object.keys(fields).length > 0) await event("fields_changed", fields);
    if (Object.keys(set).length === 0) return;
    await tx
      .update(tickets)
      .set({ ...set, lastAgentActivityAt: sql`now()` as never, updatedAt: sql`now()` as never })
      .where(eq(tickets.id, ticketId));
    // Claims, reassignments and status changes count as touches: a ticket passed around is ping-pong.
    await detectPingPong(tx, { workspaceId, ticketId });
  });
  return getTicket(db, { actor, ticketId });
}

/**
 * Every invalid field at once, before anything is written: only an active agent of the same workspace (another
 * workspace's agent is as unknown as a made-up id), and only a queue the workspace has (the same check as escalation's).
 */
async function assertValid(
  db: Db,
  actor: AgentActor,
  ticket: { assigneeId: string | null; queue: string | null },
  changes: TicketUpdate,
): Promise<{ skills: string[]; tier: number } | null> {
  const issues: ErrorIssue[] = [];
  let assignee: { skills: string[]; tier: number } | null = null;
  if (changes.assigneeId && changes.assigneeId !== ticket.assigneeId) {
    const [agent] = await db
      .select({ active: agents.active, skills: agents.skills, tier: agents.tier })
      .from(agents)
      .where(and(eq(agents.id, changes.assigneeId), eq(agents.workspaceId, actor.workspaceId)))
      .limit(1);
    if (!agent?.active)
      issues.push({
        path: "assigneeId",
        message: agent ? "this agent is deactivated" : "no such agent in this workspace",
      });
    else assignee = agent;
  }
  if (changes.queue && changes.queue !== ticket.queue) {
    const issue = await unknownQueueIssue(db, actor, "queue", changes.queue);
    if (issue) issues.push(issue);
  }
  if (issues.length)
    throw new ServiceError(
      "validation_failed",
      `${issues.length} field${issues.length === 1 ? " is" : "s are"} invalid`,
      issues,
    );
  return assignee;
}
