import type { Db } from "../../db/client.js";
import { lockRouting, routeTicket } from "../tickets/assign-ticket.js";

/** Assigns a ticket stored already triaged (triageOnArrival) to an agent of its queue, under the routing lock. */
export async function routeNewTicket(
  db: Db,
  input: { workspaceId: string; ticketId: string; tier: number; queue: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockRouting(tx, input.workspaceId);
    await routeTicket(tx, { ...input, previousAgentId: null });
  });
}
