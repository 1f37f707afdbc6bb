import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customerEmailUnsubscribes } from "../../db/schema-notifications.js";

/** A customer's stop of emails about a ticket: this ticket only, or everything from the workspace. */
export interface CustomerUnsubscribe {
  scope: "ticket" | "all";
  at: Date;
}

/** Whether emails about this ticket to this address are off, and how widely (a workspace-wide stop wins). */
export async function customerUnsubscribe(
  db: Db,
  input: { workspaceId: string; email: string; ticketId: string },
): Promise<CustomerUnsubscribe | null> {
  const stops = await db
    .select({ ticketId: customerEmailUnsubscribes.ticketId, at: customerEmailUnsubscribes.createdAt })
    .from(customerEmailUnsubscribes)
    .where(
      and(
        eq(customerEmailUnsubscribes.workspaceId, input.workspaceId),
        eq(customerEmailUnsubscribes.email, input.email.toLowerCase()),
        or(isNull(customerEmailUnsubscribes.ticketId), eq(customerEmailUnsubscribes.ticketId, input.ticketId)),
      ),
    );
  const stop = stops.find((s) => s.ticketId === null) ?? stops[0];
  return stop ? { scope: stop.ticketId === null ? "all" : "ticket", at: stop.at } : null;
}
