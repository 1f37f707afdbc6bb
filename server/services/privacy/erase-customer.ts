import type { AgentActor } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import type { CustomerSelector, ErasureResult } from "../../../shared/privacy-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { BlobStore } from "../../storage/blob-store.js";
import { anonymiseTickets } from "./anonymise-tickets.js";
import { findCustomerTickets } from "./customer-tickets.js";
import { recordPrivacyAudit } from "./record-privacy-audit.js";

/** Erases one customer everywhere in the workspace (an admin's answer to an erasure request), with an audit line. */
export async function eraseCustomer(
  db: Db,
  blobs: BlobStore,
  input: { actor: AgentActor; who: CustomerSelector },
): Promise<ErasureResult> {
  assertAdmin(input.actor);
  const workspaceId = input.actor.workspaceId;
  const found = await findCustomerTickets(db, workspaceId, input.who);
  const counts = await anonymiseTickets(db, blobs, {
    workspaceId,
    ticketIds: found.map((t) => t.id),
    customerEmails: input.who.email ? [input.who.email.toLowerCase()] : [],
  });
  await recordPrivacyAudit(db, {
    workspaceId,
    action: "customer_erased",
    actorId: input.actor.id,
    details: { ...counts, references: found.map((t) => t.reference) },
  });
  return counts;
}
