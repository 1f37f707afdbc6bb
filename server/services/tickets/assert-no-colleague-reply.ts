import { and, desc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, messages } from "../../db/schema.js";
import { ServiceError } from "../service-error.js";

/**
 * Refuses (409 reply_conflict, nothing stored) a public reply written without seeing a colleague's public reply that
 * reached the customer since (agent collision): the customer would get two answers, maybe contradicting each other.
 * `lastSeenMessageId` is the newest message the sender saw, null for none; left out, there is no check (API clients).
 * A new customer message is not a collision: answering it is the point. Called with the ticket locked.
 */
export async function assertNoColleagueReply(
  tx: Db,
  input: { ticketId: string; agentId: string; lastSeenMessageId: string | null | undefined },
): Promise<void> {
  const { ticketId, lastSeenMessageId } = input;
  if (lastSeenMessageId === undefined) return;
  if (lastSeenMessageId !== null) {
    const [seen] = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.id, lastSeenMessageId), eq(messages.ticketId, ticketId)))
      .limit(1);
    if (!seen)
      throw new ServiceError("validation_failed", "lastSeenMessageId is not a message of this ticket", [
        { path: "lastSeenMessageId", message: "Not a message of this ticket" },
      ]);
  }
  // Compared in SQL: a JS Date keeps milliseconds, PostgreSQL microseconds (the seen message would count as newer).
  const seenAt = sql`(select ${messages.createdAt} from ${messages} where ${messages.id} = ${lastSeenMessageId})`;
  const [colleague] = await tx
    .select({ name: agents.name, createdAt: messages.createdAt })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(
      and(
        eq(messages.ticketId, ticketId),
        eq(messages.authorType, "agent"),
        eq(messages.internal, false),
        // An agent since removed (agentId null) is a colleague too; the sender's own reply (another tab) is not.
        or(isNull(messages.agentId), ne(messages.agentId, input.agentId)),
        lastSeenMessageId ? gt(messages.createdAt, seenAt) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  if (!colleague) return;
  const when = colleague.createdAt.toISOString().replace(/\.\d+Z$/, "Z");
  throw new ServiceError(
    "reply_conflict",
    `${colleague.name ?? "Another agent"} replied to the customer at ${when}, after the newest message you saw. Nothing was sent: read their reply, then send yours again if it still fits.`,
  );
}
