import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments } from "../../db/schema-storage.js";
import type { Attachment } from "../../../shared/attachments.js";
import type { BlobStore } from "../../storage/blob-store.js";
import { notFound } from "../service-error.js";
import { toAttachment } from "./attachment-view.js";

/** One attachment of the ticket and its bytes as a stream. The caller has checked access to the ticket. */
export async function openAttachment(
  db: Db,
  blobs: BlobStore,
  input: { workspaceId: string; ticketId: string; attachmentId: string },
): Promise<{ attachment: Attachment; body: Readable }> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(attachments.ticketId, input.ticketId),
        eq(attachments.workspaceId, input.workspaceId),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Attachment");
  const body = await blobs.get(row.blobKey);
  if (!body) throw notFound("Attachment");
  return { attachment: toAttachment(row), body };
}
