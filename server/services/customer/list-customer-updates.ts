import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets, workspaces } from "../../db/schema.js";
import type { CustomerUpdates } from "../../../shared/customer-api.js";
import type { CustomerActor } from "../../access/actor.js";
import { customerVisibleMessages } from "../../access/customer-messages.js";
import { scopeCondition } from "../../access/customer-scope.js";
import { ServiceError } from "../service-error.js";

/**
 * Rows are stamped with their transaction's start time, so a reply committed just after a poll can carry a time
 * before that poll's cursor: each poll looks back this far and the widget de-duplicates by id.
 */
const OVERLAP_MS = 10_000;

/** What changed for the customer since the cursor: new public messages and tickets whose status moved. */
export async function listCustomerUpdates(
  db: Db,
  input: { actor: CustomerActor; since?: string },
): Promise<CustomerUpdates> {
  const workspaceId = input.actor.workspace.id;
  // The database's clock, not this process's: rows are stamped by it.
  const [{ now }] = await db
    .select({ now: sql<string>`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const cursor = Buffer.from(now).toString("base64url");
  if (!input.since) return { cursor, messages: [], tickets: [] };
  const since = new Date(decodeSince(input.since).getTime() - OVERLAP_MS);
  const scope = scopeCondition(workspaceId, input.actor.scope);
  const [messageRows, ticketRows] = await Promise.all([
    customerVisibleMessages(db, {
      where: and(
        inArray(messages.ticketId, db.select({ id: tickets.id }).from(tickets).where(scope)),
        sql`${messages.createdAt} > ${since.toISOString()}::timestamptz`,
      )!,
      limit: 200,
    }),
    db
      .select({ id: tickets.id, status: tickets.status, updatedAt: tickets.updatedAt })
      .from(tickets)
      .where(and(scope, sql`${tickets.updatedAt} > ${since.toISOString()}::timestamptz`))
      .limit(200),
  ]);
  return {
    cursor,
    messages: messageRows,
    tickets: ticketRows.map((t) => ({ id: t.id, status: t.status, updatedAt: t.updatedAt.toISOString() })),
  };
}

function decodeSince(since: string): Date {
  const text = Buffer.from(since, "base64url").toString();
  const date = new Date(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(date.getTime())) {
    throw new ServiceError("validation_failed", "1 field is invalid", [
      { path: "since", message: "not a cursor from this API" },
    ]);
  }
  return date;
}
