import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages } from "../../db/schema.js";
import { ServiceError } from "../service-error.js";

export type MessageInsert = Pick<typeof messages.$inferInsert, "authorType" | "agentId" | "body" | "internal">;

/**
 * The message already stored on this ticket under `key`: a reply sent again because its answer was lost (the widget
 * retrying, an agent pressing Send twice) gets the original back, as a ticket filed twice does (create-ticket.ts).
 * Called with the ticket locked, so two concurrent sends with one key queue here and the second finds the first.
 * A key reused for other words or by someone else is refused rather than answered with a message they did not send.
 */
export async function findRepeatedMessage(
  tx: Db,
  input: { ticketId: string; key: string | undefined; message: MessageInsert },
): Promise<typeof messages.$inferSelect | undefined> {
  if (!input.key) return undefined;
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.ticketId, input.ticketId), eq(messages.idempotencyKey, input.key)))
    .limit(1);
  if (!row) return undefined;
  const m = input.message;
  const same =
    row.authorType === m.authorType &&
    row.agentId === (m.agentId ?? null) &&
    row.body === m.body &&
    row.internal === (m.internal ?? false);
  if (!same) throw new ServiceError("conflict", "This Idempotency-Key was already used for a different message");
  return row;
}
