import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments } from "../../db/schema-storage.js";
import type { AttachmentList } from "../../../shared/attachments.js";
import { toAttachment } from "./attachment-view.js";

/**
 * The order a ticket's attachments are shown in: the form's files in the order the customer picked them (they upload
 * in parallel), then those attached later, oldest first.
 */
export const ATTACHMENT_ORDER = [
  sql`${attachments.position} asc nulls last`,
  asc(attachments.createdAt),
  asc(attachments.id),
] as const;

/** A ticket's attachments in ATTACHMENT_ORDER. The caller has checked access to the ticket. */
export async function listAttachments(
  db: Db,
  input: { workspaceId: string; ticketId: string },
): Promise<AttachmentList> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ticketId, input.ticketId), eq(attachments.workspaceId, input.workspaceId)))
    .orderBy(...ATTACHMENT_ORDER);
  return { attachments: rows.map(toAttachment) };
}
