import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets } from "../db/schema.js";
import type { TicketList, TicketListQuery } from "../../shared/agent-api.js";
import { ServiceError } from "./service-error.js";
import { summaryColumns, toSummary } from "./ticket-view.js";

/** Newest first, keyset-paginated on (created_at, id) so deep pages stay as fast as the first. */
export async function listTickets(db: Db, input: { workspaceId: string; query: TicketListQuery }): Promise<TicketList> {
  const { query } = input;
  const where: SQL[] = [eq(tickets.workspaceId, input.workspaceId)];
  if (query.status) where.push(eq(tickets.status, query.status));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    where.push(or(lt(tickets.createdAt, createdAt), and(eq(tickets.createdAt, createdAt), lt(tickets.id, id)))!);
  }
  const rows = await db
    .select(summaryColumns)
    .from(tickets)
    .where(and(...where))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    tickets: page.map(toSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? "")) {
    throw new ServiceError("validation_failed", "Invalid cursor", [{ path: "cursor", message: "not a cursor from this API" }]);
  }
  return { createdAt, id: id! };
}
