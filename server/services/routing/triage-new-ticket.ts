import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets, workspaces } from "../../db/schema.js";
import { triageTicket } from "./triage-ticket.js";

/**
 * Triages a ticket that has not been triaged yet, once: its row lock (skipped when taken) keeps two processes, or the
 * follow-up of the request and the sweeper, from both doing it. False when it was already triaged or being triaged.
 */
export async function triageNewTicket(db: Db, input: { workspaceId: string; ticketId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The ticket and its workspace's settings in the statement that locks it: triage is on the ingest path.
    const [row] = await tx
      .select({ ticket: tickets, settings: workspaces.settings })
      .from(tickets)
      .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
      .where(and(eq(tickets.id, input.ticketId), eq(tickets.workspaceId, input.workspaceId), isNull(tickets.triage)))
      .for("update", { of: tickets, skipLocked: true });
    if (!row) return false;
    await triageTicket(tx, { ...input, loaded: row });
    return true;
  });
}
