import type { AgentActor } from "../../access/actor.js";
import { PassThrough, type Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, recordings } from "../../db/schema.js";
import { attachments } from "../../db/schema-storage.js";
import type { CustomerSelector } from "../../../shared/privacy-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import { TAR_END, tarHeader, tarPadding } from "../../lib/tar.js";
import { type BlobStore, readAll } from "../../storage/blob-store.js";
import { ATTACHMENT_ORDER } from "../attachments/list-attachments.js";
import { notFound } from "../service-error.js";
import { findCustomerTickets } from "./customer-tickets.js";
import { recordPrivacyAudit } from "./record-privacy-audit.js";

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 60);

/**
 * One customer's data for an access request, as a .tar.gz: customer.json (their tickets, what they wrote, what
 * was captured, the public replies they received) and files/ (their recordings and attachments as stored).
 */
export async function exportCustomer(
  db: Db,
  blobs: BlobStore,
  input: { actor: AgentActor; who: CustomerSelector },
): Promise<{ filename: string; body: Readable }> {
  assertAdmin(input.actor);
  const found = await findCustomerTickets(db, input.actor.workspaceId, input.who);
  if (found.length === 0) throw notFound("Customer");
  const ids = found.map((t) => t.id);
  const [thread, files, recs] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(and(inArray(messages.ticketId, ids), eq(messages.internal, false)))
      .orderBy(asc(messages.createdAt)),
    db
      .select()
      .from(attachments)
      .where(inArray(attachments.ticketId, ids))
      .orderBy(...ATTACHMENT_ORDER),
    db
      .select({ ticketId: recordings.ticketId, blobKey: recordings.blobKey })
      .from(recordings)
      .where(inArray(recordings.ticketId, ids)),
  ]);
  const blobFiles: { path: string; key: string }[] = [];
  const document = {
    exportedAt: new Date().toISOString(),
    customer: input.who,
    tickets: found.map((t) => {
      const recording = recs.find((r) => r.ticketId === t.id && r.blobKey);
      if (recording?.blobKey)
        blobFiles.push({ path: `files/${t.reference}/recording.json.gz`, key: recording.blobKey });
      return {
        reference: t.reference,
        createdAt: t.createdAt.toISOString(),
        status: t.status,
        subject: t.subject,
        description: t.description,
        email: t.customerEmail,
        name: t.customerName,
        userId: t.customerId,
        identity: t.identity,
        pageUrl: t.pageUrl,
        pageTitle: t.pageTitle,
        context: t.context,
        messages: thread
          .filter((m) => m.ticketId === t.id)
          .map((m) => ({ from: m.authorType, body: m.body, at: m.createdAt.toISOString() })),
        attachments: files
          .filter((a) => a.ticketId === t.id)
          .map((a) => {
            const path = `files/${t.reference}/attachments/${a.id.slice(0, 8)}-${safeName(a.filename)}`;
            blobFiles.push({ path, key: a.blobKey });
            return { filename: a.filename, contentType: a.contentType, size: a.size, from: a.authorType, path };
          }),
        recording: recording ? `files/${t.reference}/recording.json.gz` : null,
      };
    }),
  };
  await recordPrivacyAudit(db, {
    workspaceId: input.actor.workspaceId,
    action: "customer_exported",
    actorId: input.actor.id,
    details: { tickets: found.length, files: blobFiles.length },
  });

  const out = new PassThrough();
  const write = async (path: string, bytes: Buffer) => {
    out.write(tarHeader(path, bytes.byteLength));
    out.write(bytes);
    out.write(tarPadding(bytes.byteLength));
  };
  (async () => {
    await write("customer.json", Buffer.from(JSON.stringify(document, null, 2)));
    // One file in memory at a time: blobs are bounded (10 MB attachments, 20 MB recordings).
    for (const file of blobFiles) {
      const stream = await blobs.get(file.key);
      if (stream) await write(file.path, await readAll(stream));
    }
    out.end(TAR_END);
  })().catch((error) => out.destroy(error));
  return { filename: `customer-export-${new Date().toISOString().slice(0, 10)}.tar.gz`, body: out.pipe(createGzip()) };
}
