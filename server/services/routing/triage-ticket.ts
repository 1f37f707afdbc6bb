import { systemActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { readEscalationSettings } from "../../../shared/escalation-settings.js";
import type { Triage } from "../../../shared/matrix.js";
import { lockRouting, pickAssignee, routeTicket } from "../tickets/assign-ticket.js";
import { classifyTicket } from "./classifier/queue-classifier.js";
import { decideTriage } from "./decide-triage.js";
import { getMatrix } from "./get-matrix.js";
import { recordEvent } from "../tickets/record-event.js";
import { notFound } from "../service-error.js";

/** The ticket and its workspace's settings, when the caller has already read (and locked) them. */
export interface LoadedTicket {
  ticket: typeof tickets.$inferSelect;
  settings: (typeof workspaces.$inferSelect)["settings"];
}

/**
 * Triage on arrival: the matrix sets severity, tier, queue, priority and required handoff fields; when no rule
 * picks a queue, the classifier may (if confident), else the ticket stays in triage. Then routing assigns it.
 * Records `triaged` (and `assigned`) on the timeline.
 */
export async function triageTicket(
  db: Db,
  input: { workspaceId: string; ticketId: string; now?: Date; loaded?: LoadedTicket },
): Promise<Triage> {
  const [row] = input.loaded
    ? [input.loaded]
    : await db
        .select({ ticket: tickets, settings: workspaces.settings })
        .from(tickets)
        .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
        .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId)))
        .limit(1);
  if (!row) throw notFound("Ticket");
  const { ticket } = row;
  const matrix = await getMatrix(db, { actor: systemActor(input.workspaceId) });
  const { classification, examples } = await classifyTicket(db, { workspaceId: input.workspaceId, ticket });
  const { fields, requiredHandoffFields, triage, eventDetails } = decideTriage({
    ticket,
    settings: readEscalationSettings(row.settings),
    matrix,
    classification,
    examples,
  });

  // The ticket's own fields first, then the per-workspace routing lock, held only for picking the agent and the commit.
  const write = async (tx: Db) => {
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
      details: eventDetails,
      at,
    });
    const target = { workspaceId: input.workspaceId, tier: fields.tier, queue: fields.queue };
    // The routing lock keeps two tickets from both picking the least-loaded agent; with nobody to pick from there is
    // nothing to keep apart, and every ticket of the workspace would queue on that lock while its holder waits on us.
    if (!ticket.assigneeId && !(await pickAssignee(tx, target))) return;
    await lockRouting(tx, input.workspaceId);
    await routeTicket(tx, { ...target, ticketId: ticket.id, previousAgentId: ticket.assigneeId, at });
  };
  // A caller that loaded the ticket holds it locked in its own transaction: no savepoint round trip.
  if (input.loaded) await write(db);
  else await db.transaction(write);
  return triage;
}
