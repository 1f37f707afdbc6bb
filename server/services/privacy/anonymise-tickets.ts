import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { escalations, feedback, messages, recordings, ticketEvents, tickets } from "../../db/schema.js";
import { metricsSignalCustomers, ticketFacts } from "../../db/schema-metrics.js";
import { customerEmailUnsubscribes } from "../../db/schema-notifications.js";
import { anonymisedTickets, attachments } from "../../db/schema-storage.js";
import { type BlobStore, deletePrefix, ticketPrefix } from "../../storage/blob-store.js";
import { inboundEmailReplies } from "../../db/schema-notifications.js";
import { erasedCustomerEmail, removeTicketFiles } from "./ticket-takes-files.js";

export const ERASED = "[erased]";

export interface AnonymiseCounts {
  tickets: number;
  messages: number;
  recordings: number;
  attachments: number;
}

/**
 * Removes every piece of personal data from these tickets of one workspace while keeping the rows that metrics
 * count (status, tiers, timings, escalation path): who filed them, what they wrote, what they did (recording,
 * context, attachments) and every free-text field agents wrote about them. Blobs go first, so a failure halfway
 * leaves a ticket that is retried, never a row pointing at nothing personal left behind.
 */
export async function anonymiseTickets(
  db: Db,
  blobs: BlobStore,
  input: { workspaceId: string; ticketIds: string[]; customerEmails?: string[] },
): Promise<AnonymiseCounts> {
  const counts: AnonymiseCounts = { tickets: 0, messages: 0, recordings: 0, attachments: 0 };
  if (input.ticketIds.length === 0) return counts;
  const owned = await db
    .select({ id: tickets.id, email: tickets.customerEmail })
    .from(tickets)
    .where(and(eq(tickets.workspaceId, input.workspaceId), inArray(tickets.id, input.ticketIds)));
  const ids = owned.map((t) => t.id);
  if (ids.length === 0) return counts;
  for (const id of ids) await deletePrefix(blobs, ticketPrefix(input.workspaceId, id));
  const emails = [...new Set([...owned.map((t) => t.email.toLowerCase()), ...(input.customerEmails ?? [])])];

  await db.transaction(async (tx) => {
    // Uploads finishing now wait for this (ticketTakesFiles): their rows are either deleted below or never written.
    await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids)).for("update");
    counts.recordings = (await tx.delete(recordings).where(inArray(recordings.ticketId, ids)).returning()).length;
    counts.attachments = (await tx.delete(attachments).where(inArray(attachments.ticketId, ids)).returning()).length;
    counts.messages = (
      await tx.delete(messages).where(inArray(messages.ticketId, ids)).returning({ id: messages.id })
    ).length;
    // The Message-IDs of emailed replies name the customer's mail domain.
    await tx.delete(inboundEmailReplies).where(inArray(inboundEmailReplies.ticketId, ids));
    const updated = await tx
      .update(tickets)
      .set({
        subject: ERASED,
        description: ERASED,
        customerEmail: erasedCustomerEmail(tickets.id),
        customerName: null,
        customerId: null,
        browserTokenHash: null,
        identity: null,
        verified: false,
        pageUrl: "",
        pageTitle: null,
        idempotencyKey: null,
        requestHash: null,
        context: { clicks: [], navigation: [], console: [], network: [], metadata: {} },
        triage: null,
        escalationSuggestedReason: null,
        recordingStatus: "none",
        updatedAt: sql`now()`,
      })
      .where(inArray(tickets.id, ids))
      .returning({ id: tickets.id });
    counts.tickets = updated.length;
    await tx
      .update(escalations)
      .set({
        summary: ERASED,
        attempted: [],
        reason: ERASED,
        customerGoal: ERASED,
        replayMoments: [],
        bounceReason: null,
      })
      .where(inArray(escalations.ticketId, ids));
    await tx.update(feedback).set({ answers: {} }).where(inArray(feedback.ticketId, ids));
    // Event types and timings feed the metrics; only their free-text details go.
    await tx
      .update(ticketEvents)
      .set({
        details: sql`(${ticketEvents.details} - 'answers' - 'summary' - 'customerGoal' - 'attempted' - 'note' - 'body')
          || case when ${ticketEvents.details} ? 'reason'
               and ${ticketEvents.details}->>'reason' not in ('routing', 'customer_replied')
             then jsonb_build_object('reason', ${ERASED}::text) else '{}'::jsonb end`,
      })
      .where(inArray(ticketEvents.ticketId, ids));
    await tx
      .update(ticketFacts)
      .set({ failingEndpoint: null, errorFingerprint: null })
      .where(inArray(ticketFacts.ticketId, ids));
    // Distinct-customer counts stay right: each erased customer becomes one random pseudonym.
    for (const email of emails) {
      await tx
        .update(metricsSignalCustomers)
        .set({ customer: `erased:${randomUUID()}` })
        .where(
          and(eq(metricsSignalCustomers.workspaceId, input.workspaceId), eq(metricsSignalCustomers.customer, email)),
        );
    }
    // Their unsubscribe choices name them too; a customer erased and back later starts with a clean slate.
    if (emails.length > 0)
      await tx
        .delete(customerEmailUnsubscribes)
        .where(
          and(
            eq(customerEmailUnsubscribes.workspaceId, input.workspaceId),
            inArray(customerEmailUnsubscribes.email, emails),
          ),
        );
    await tx
      .insert(anonymisedTickets)
      .values(ids.map((ticketId) => ({ ticketId })))
      .onConflictDoNothing();
  });
  // The bytes of uploads whose rows were written before the lock above (and deleted with the others).
  for (const id of ids) await removeTicketFiles(blobs, input.workspaceId, id);
  return counts;
}
