import type { AgentActor } from "../../access/actor.js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { assertAdmin } from "../../access/admin-only.js";
import { type BlobStore, deletePrefix, ticketPrefix } from "../../storage/blob-store.js";
import { findTicket } from "../tickets/workspace-ticket.js";
import { recordPrivacyAudit } from "./record-privacy-audit.js";
import { removeTicketFiles } from "./ticket-takes-files.js";

/** Deletes one ticket for good: its blobs, then the row (messages, events, recording rows and facts cascade). */
export async function deleteTicket(
  db: Db,
  blobs: BlobStore,
  input: { actor: AgentActor; ticketId: string },
): Promise<void> {
  assertAdmin(input.actor);
  const ticket = await findTicket(db, input.actor.workspaceId, input.ticketId);
  const files = await deletePrefix(blobs, ticketPrefix(ticket.workspaceId, ticket.id));
  await db.delete(tickets).where(and(eq(tickets.id, ticket.id), eq(tickets.workspaceId, ticket.workspaceId)));
  // An upload that wrote its row before the delete (cascaded away) may have stored its bytes after the first pass.
  await removeTicketFiles(blobs, ticket.workspaceId, ticket.id);
  await recordPrivacyAudit(db, {
    workspaceId: ticket.workspaceId,
    action: "ticket_deleted",
    actorId: input.actor.id,
    details: { reference: ticket.reference, files },
  });
}
