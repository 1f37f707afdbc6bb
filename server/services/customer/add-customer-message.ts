import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { CustomerMessage } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { toCustomerMessage } from "../../access/customer-messages.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { reevaluateMatrix } from "../routing/reevaluate-matrix.js";
import { recordEvent } from "../tickets/record-event.js";
import { notFound, ServiceError } from "../service-error.js";
import { suggestEscalation } from "../escalation/suggest-escalation.js";
import { findRepeatedMessage } from "../tickets/find-repeated-message.js";

/**
 * The customer replies from the widget. As in Zendesk: a reply to a pending (waiting on the customer) or resolved
 * ticket reopens it; a closed ticket takes no more replies. With an idempotency key, a reply sent again is stored
 * once (created: false answers with the original, even if the ticket has closed since).
 */
export async function addCustomerMessage(
  db: Db,
  input: { actor: CustomerActor; ticketId: string; body: string; idempotencyKey?: string },
): Promise<{ message: CustomerMessage; created: boolean }> {
  const { ticketId } = input;
  const workspaceId = input.actor.workspace.id;
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, status: tickets.status })
      .from(tickets)
      .where(and(eq(tickets.id, ticketId), scopeCondition(workspaceId, input.actor.scope)))
      .for("update")
      .limit(1);
    if (!ticket) throw notFound("Conversation");
    const values = { authorType: "customer" as const, body: input.body, internal: false };
    const key = input.idempotencyKey;
    const repeated = await findRepeatedMessage(tx, { ticketId, key, message: values });
    if (repeated) return { message: toCustomerMessage({ ...repeated, agentName: null }), created: false };
    if (ticket.status === "closed") {
      throw new ServiceError("conflict", "This conversation is closed; start a new one to reach support again");
    }
    const [row] = await tx
      .insert(messages)
      .values({ ticketId, ...values, idempotencyKey: key ?? null })
      .returning();
    await recordEvent(tx, {
      workspaceId,
      ticketId,
      type: "customer_replied",
      actorType: "customer",
      details: { messageId: row.id },
    });
    const reopen = ticket.status === "pending" || ticket.status === "resolved";
    if (reopen) {
      await recordEvent(tx, {
        workspaceId,
        ticketId,
        type: "status_changed",
        actorType: "customer",
        details: { from: ticket.status, to: "open", reason: "customer_replied" },
      });
    }
    await tx
      .update(tickets)
      .set({
        customerRepliesSinceAgent: sql`${tickets.customerRepliesSinceAgent} + 1`,
        updatedAt: sql`now()` as never,
        ...(reopen ? { status: "open" as const, resolvedAt: null } : {}),
      })
      .where(eq(tickets.id, ticketId));
    // Reply-count rules of the matrix and the "escalation suggested" threshold can hold from this reply on.
    await reevaluateMatrix(tx, { workspaceId, ticketId });
    await suggestEscalation(tx, { workspaceId, ticketId });
    return { message: toCustomerMessage({ ...row, agentName: null }), created: true };
  });
}
