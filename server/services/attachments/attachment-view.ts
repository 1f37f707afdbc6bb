import type { InferSelectModel } from "drizzle-orm";
import type { attachments } from "../../db/schema-storage.js";
import { type Attachment, isInlineImage } from "../../../shared/attachments.js";

export type AttachmentRow = InferSelectModel<typeof attachments>;

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  ticketId: row.ticketId,
  authorType: row.authorType,
  filename: row.filename,
  contentType: row.contentType,
  size: row.size,
  inline: isInlineImage(row.contentType),
  createdAt: row.createdAt.toISOString(),
});
