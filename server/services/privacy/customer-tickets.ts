import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import type { CustomerSelector } from "../../../shared/privacy-api.js";

/** Every ticket of one customer in the workspace: filed with their email, or under their verified user id. */
export async function findCustomerTickets(db: Db, workspaceId: string, who: CustomerSelector) {
  const matches: SQL[] = [];
  if (who.email) matches.push(sql`lower(${tickets.customerEmail}) = ${who.email.toLowerCase()}`);
  if (who.customerId) matches.push(eq(tickets.customerId, who.customerId));
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.workspaceId, workspaceId), or(...matches)))
    .orderBy(tickets.createdAt);
}
