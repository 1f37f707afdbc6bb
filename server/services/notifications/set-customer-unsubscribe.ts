import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customerEmailUnsubscribes } from "../../db/schema-notifications.js";
import { readUnsubscribeLink, type UnsubscribeLink } from "./read-unsubscribe-link.js";

/**
 * A customer's choice from an unsubscribe link: no more emails about this ticket, none from this workspace, or
 * emails again (undo). Idempotent, so a mail client's one-click POST sent twice changes nothing the second time.
 */
export async function setCustomerUnsubscribe(
  db: Db,
  input: { token: string; choice: "ticket" | "all" | "subscribed" },
): Promise<UnsubscribeLink> {
  const link = await readUnsubscribeLink(db, input.token);
  const mine = and(
    eq(customerEmailUnsubscribes.workspaceId, link.workspaceId),
    eq(customerEmailUnsubscribes.email, link.email),
  );
  if (input.choice === "subscribed") {
    // Undo covers this ticket and the workspace-wide stop; other tickets' own stops stay.
    await db
      .delete(customerEmailUnsubscribes)
      .where(
        and(
          mine,
          or(isNull(customerEmailUnsubscribes.ticketId), eq(customerEmailUnsubscribes.ticketId, link.ticketId)),
        ),
      );
  } else {
    await db
      .insert(customerEmailUnsubscribes)
      .values({
        workspaceId: link.workspaceId,
        email: link.email,
        ticketId: input.choice === "ticket" ? link.ticketId : null,
      })
      .onConflictDoNothing();
  }
  return readUnsubscribeLink(db, input.token);
}
