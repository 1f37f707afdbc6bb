import { Readable } from "node:stream";
import { inArray } from "drizzle-orm";
import type { Attachment as MailAttachment } from "mailparser";
import type { Db } from "../../db/client.js";
import { attachments } from "../../db/schema-storage.js";
import { attachmentKey, type BlobStore } from "../../storage/blob-store.js";
import { storeAttachment } from "../attachments/store-attachment.js";
import { ServiceError } from "../service-error.js";

export interface EmailAttachments {
  /** One line for the message, naming what was attached and what was not (and why); "" when the mail had no files. */
  note: string;
  /** Takes them off the ticket again, when the reply itself is refused. */
  discard(): Promise<void>;
}

const REASONS: Record<string, string> = {
  unsupported_media_type: "a file of a type that cannot be attached",
  payload_too_large: "over the size limit",
  bad_request: "empty",
};

/**
 * A customer's emailed files, stored as the ticket's attachments under the same types and limits as the widget's
 * uploads. Images embedded in the HTML (signature logos, multipart/related) are part of the mail's look, not files.
 */
export async function storeEmailAttachments(
  db: Db,
  blobs: BlobStore,
  input: { workspaceId: string; ticketId: string; files: MailAttachment[] },
): Promise<EmailAttachments> {
  const stored: Array<{ id: string; filename: string }> = [];
  const refused: string[] = [];
  for (const file of input.files.filter((f) => !f.related && f.contentType !== "message/rfc822")) {
    try {
      stored.push(
        await storeAttachment(db, blobs, {
          workspaceId: input.workspaceId,
          ticketId: input.ticketId,
          author: { type: "customer" },
          filename: file.filename,
          contentType: file.contentType,
          declaredBytes: file.size,
          body: Readable.from([file.content]),
        }),
      );
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      refused.push(`${file.filename ?? "a file"}, ${REASONS[error.code] ?? error.message}`);
    }
  }
  const parts = [
    ...(stored.length ? [`Attached by email: ${stored.map((f) => f.filename).join(", ")}.`] : []),
    ...(refused.length ? [`Not attached: ${refused.join("; ")}.`] : []),
  ];
  return {
    note: parts.length ? `(${parts.join(" ")})` : "",
    async discard() {
      if (stored.length === 0) return;
      await db.delete(attachments).where(
        inArray(
          attachments.id,
          stored.map((f) => f.id),
        ),
      );
      for (const f of stored) await blobs.delete(attachmentKey(input.workspaceId, input.ticketId, f.id));
    },
  };
}
