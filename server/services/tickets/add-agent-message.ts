import type { AgentActor } from "../../access/actor.js";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { AgentMessageCreate, Message } from "../../../shared/conversation.js";
import { detectPingPong } from "../escalation/detect-ping-pong.js";
import { toMessage } from "./message-view.js";
import { recordEvent } from "./record-event.js";
import { lockTicket } from "./workspace-ticket.js";

/** A public reply (reaches the customer's widget) or an internal note (agents only), with its timeline event. */
export async function addAgentMessage(
  db: Db,
  input: { actor: AgentActor; ticketId: string; message: AgentMessageCreate },
): Promise<Message> {
  const { actor, ticketId, message } = input;
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, actor.workspaceId, ticketId);
    const [row] = await tx
      .insert(messages)
      .values({ ticketId, authorType: "agent", agentId: actor.id, body: message.body, internal: message.internal })
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
    return toMessage({ ...row, agentName: actor.name }, ticket.customerName ?? ticket.customerEmail);
  });
}
