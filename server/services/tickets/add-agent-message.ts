import type { AgentActor } from "../../access/actor.js";
import { apiTokenActor } from "../../access/authenticate-token.js";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { AgentMessageCreate, Message } from "../../../shared/conversation.js";
import { detectPingPong } from "../escalation/detect-ping-pong.js";
import { toMessage } from "./message-view.js";
import { recordEvent } from "./record-event.js";
import { lockTicket } from "./workspace-ticket.js";
import { findRepeatedMessage } from "./find-repeated-message.js";
import { assertNoColleagueReply } from "./assert-no-colleague-reply.js";

/**
 * A public reply (reaches the customer's widget) or an internal note (agents only), with its timeline event. With an
 * idempotency key, one sent again (Send pressed twice, a retry after a lost answer) is stored once: created false.
 * A public reply with `lastSeenMessageId` is refused if a colleague replied since (assert-no-colleague-reply.ts).
 */
export async function addAgentMessage(
  db: Db,
  input: { actor: AgentActor; ticketId: string; message: AgentMessageCreate; idempotencyKey?: string },
): Promise<{ message: Message; created: boolean }> {
  const { actor, ticketId, message } = input;
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, actor.workspaceId, ticketId);
    const customerName = ticket.customerName ?? ticket.customerEmail;
    const values = { authorType: "agent" as const, agentId: actor.id, body: message.body, internal: message.internal };
    const key = input.idempotencyKey;
    const repeated = await findRepeatedMessage(tx, { ticketId, key, message: values });
    if (repeated)
      return {
        message: toMessage({ ...repeated, agentName: repeated.authorName ?? actor.name }, customerName),
        created: false,
      };
    if (!message.internal)
      await assertNoColleagueReply(tx, { ticketId, agentId: actor.id, lastSeenMessageId: message.lastSeenMessageId });
    // Sent with an API token: stored under the token's name, which the list shows after the token is revoked.
    const authorName = apiTokenActor.getStore()?.name ?? null;
    const [row] = await tx
      .insert(messages)
      .values({ ticketId, ...values, idempotencyKey: key ?? null, authorName })
      .returning();
    await recordEvent(tx, {
      workspaceId: actor.workspaceId,
      ticketId,
      type: message.internal ? "note_added" : "replied",
      actorType: "agent",
      actorId: actor.id,
      details: { messageId: row.id },
    });
    const now = sql`now()` as never;
    await tx
      .update(tickets)
      .set(
        message.internal
          ? { lastAgentActivityAt: now, updatedAt: now }
          : { lastAgentActivityAt: now, lastAgentReplyAt: now, customerRepliesSinceAgent: 0, updatedAt: now },
      )
      .where(eq(tickets.id, ticketId));
    // Replying or noting counts as touching the ticket (ping-pong: many agents on one ticket).
    await detectPingPong(tx, { workspaceId: actor.workspaceId, ticketId });
    return { message: toMessage({ ...row, agentName: authorName ?? actor.name }, customerName), created: true };
  });
}
