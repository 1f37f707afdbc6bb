import { randomUUID } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import type { Db } from "../../db/client.js";
import { attachments } from "../../db/schema-storage.js";
import { ATTACHMENT_LIMITS, type Attachment, isAllowedAttachmentType } from "../../../shared/attachments.js";
import { attachmentKey, type BlobStore } from "../../storage/blob-store.js";
import { StorageUnavailableError } from "../../storage/storage-outage.js";
import { notFound, ServiceError } from "../service-error.js";
import { ticketTakesFiles } from "../privacy/ticket-takes-files.js";
import { toAttachment } from "./attachment-view.js";

export interface StoreAttachmentInput {
  workspaceId: string;
  ticketId: string;
  author: { type: "customer" } | { type: "agent"; agentId: string };
  filename: string | undefined;
  contentType: string | undefined;
  declaredBytes: number | undefined;
  /** Its place among the files picked in the widget's form (see attachments.position); absent otherwise. */
  position?: number;
  body: Readable;
}

/** The first bytes each inline image type starts with: a file that claims to be an image must be one. */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => b.subarray(0, 4).toString("latin1") === "GIF8",
  "image/webp": (b) =>
    b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

/**
 * Streams an upload to the blob store (never whole in memory), refusing it past the size limit or when its type is
 * not allowed; the row is written only once the bytes are stored. The caller has checked access to the ticket.
 */
export async function storeAttachment(db: Db, blobs: BlobStore, input: StoreAttachmentInput): Promise<Attachment> {
  const contentType = (input.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!isAllowedAttachmentType(contentType)) {
    throw new ServiceError("unsupported_media_type", `Files of type "${contentType || "unknown"}" cannot be attached`);
  }
  const filename = cleanFilename(input.filename);
  if ((input.declaredBytes ?? 0) > ATTACHMENT_LIMITS.maxBytes) throw tooLarge();

  const id = randomUUID();
  const key = attachmentKey(input.workspaceId, input.ticketId, id);
  let size = 0;
  let head = Buffer.alloc(0);
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      if (size > ATTACHMENT_LIMITS.maxBytes) return done(tooLarge());
      if (head.byteLength < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
      const check = MAGIC[contentType];
      if (check && head.byteLength >= 12 && !check(head)) return done(notThatType(contentType));
      done(null, chunk);
    },
  });
  input.body.on("error", (error) => guard.destroy(error));
  try {
    await blobs.put(key, input.body.pipe(guard), contentType);
  } catch (error) {
    await blobs.delete(key).catch(() => {});
    // The store's own outage stays what it is (503); otherwise the guard's refusal is the reason, if it refused.
    if (error instanceof ServiceError || error instanceof StorageUnavailableError) throw error;
    throw (guard.errored as Error | null) ?? error;
  }
  if (size === 0) {
    await blobs.delete(key);
    throw new ServiceError("bad_request", "The file is empty");
  }
  // The row only while the ticket still takes files; otherwise (deleted or erased meanwhile) the bytes go too.
  const row = await db
    .transaction(async (tx) => {
      if (!(await ticketTakesFiles(tx, input.ticketId))) return undefined;
      const [inserted] = await tx
        .insert(attachments)
        .values({
          id,
          workspaceId: input.workspaceId,
          ticketId: input.ticketId,
          authorType: input.author.type,
          agentId: input.author.type === "agent" ? input.author.agentId : null,
          filename,
          contentType,
          size,
          blobKey: key,
          position: input.position ?? null,
        })
        .returning();
      return inserted;
    })
    .catch(async (error: unknown) => {
      await blobs.delete(key).catch(() => {});
      throw error;
    });
  if (!row) {
    await blobs.delete(key).catch(() => {});
    throw notFound("Ticket");
  }
  return toAttachment(row);
}

function cleanFilename(name: string | undefined): string {
  // Path parts, control characters and quotes never reach a header or a disk.
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127 && ch !== '"')
    .join("")
    .trim()
    .slice(0, ATTACHMENT_LIMITS.filename);
  return clean || "file";
}

const tooLarge = () =>
  new ServiceError("payload_too_large", `An attachment can be at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`);
const notThatType = (contentType: string) =>
  new ServiceError(
    "unsupported_media_type",
    `The file is not a ${contentType.replace("image/", "").toUpperCase()} image`,
  );
