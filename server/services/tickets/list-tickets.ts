import { isCursorId, isCursorInt, isCursorTime } from "../../lib/cursor-parts.js";
import type { WorkspaceActor } from "../../access/actor.js";
import { and, asc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import { ticketSearchText } from "../../db/ticket-search.js";
import { ticketStatuses, type TicketList, type TicketListQuery, type TicketStatus } from "../../../shared/agent-api.js";
import { ServiceError } from "../service-error.js";
import { summaryColumns, toSummary } from "./ticket-view.js";

export interface ListTicketsInput {
  /** An agent's "me" is themselves (assignee=me); the system has no "me". */
  actor: WorkspaceActor;
  query: TicketListQuery;
}

/**
 * The queue: highest priority first, then longest waiting, keyset-paginated on (priority, created_at, id) so deep
 * pages stay as fast as the first. Counts per status come with the first page, under the same filters.
 */
export async function listTickets(db: Db, input: ListTicketsInput): Promise<TicketList> {
  const { query } = input;
  const filters = filtersOf(input);
  const where = [...filters];
  if (query.status) where.push(eq(tickets.status, query.status));
  if (query.cursor) where.push(afterCursor(query.cursor));
  const rows = await db
    // Microsecond precision: a JS Date would round created_at and repeat or skip rows at page edges.
    .select({
      ...summaryColumns,
      cursorAt: sql<string>`to_char(${tickets.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(tickets)
    .where(and(...where))
    // "nulls last" as in the indexes (drizzle's .desc()), or PostgreSQL cannot read them in order.
    .orderBy(sql`${tickets.priority} desc nulls last`, asc(tickets.createdAt), asc(tickets.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    tickets: page.map(({ cursorAt: _c, ...row }) => toSummary(row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.priority, last.cursorAt, last.id) : null,
    ...(query.cursor ? {} : { counts: await countByStatus(db, filters) }),
  };
}

function filtersOf({ actor, query }: ListTicketsInput): SQL[] {
  const { workspaceId } = actor;
  const agentId = actor.kind === "agent" ? actor.id : undefined;
  const where: SQL[] = [eq(tickets.workspaceId, workspaceId)];
  if (query.queue) where.push(eq(tickets.queue, query.queue));
  if (query.tier) where.push(eq(tickets.tier, query.tier));
  if (query.severity) where.push(eq(tickets.severity, query.severity));
  if (query.plan) where.push(sql`lower(${tickets.identity}->>'plan') = ${query.plan.toLowerCase()}`);
  if (query.assignee === "unassigned") where.push(isNull(tickets.assigneeId));
  else if (query.assignee === "me") where.push(agentId ? eq(tickets.assigneeId, agentId) : sql`false`);
  else if (query.assignee) where.push(eq(tickets.assigneeId, query.assignee));
  const search = query.q ? searchFilter(workspaceId, query.q) : undefined;
  if (search) where.push(search);
  return where;
}

/**
 * Full text over subject + description + who the customer is (`ticketSearchText`) and over every message, with the exact expressions of the GIN indexes
 * (tickets_search_idx, messages_search_idx) so both are used. Words match as prefixes ("expo" finds "export").
 * A reference like "HO-12" finds that ticket.
 */
function searchFilter(workspaceId: string, q: string): SQL | undefined {
  const reference = /^[a-z]+-(\d{1,9})$/i.exec(q);
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (words.length === 0) return undefined;
  // An address is typed whole: its words match exactly but the last ("jamie@acme.co" is not jamie2@acme.com).
  const address = q.includes("@") || q.includes("＠");
  const tsquery = words.map((w, i) => (address && i < words.length - 1 ? w : `${w}:*`)).join(" & ");
  // One id list from both GIN indexes (a UNION), joined to the queue: an OR across the two tables would make
  // PostgreSQL compute to_tsvector for every ticket instead.
  const matches = sql`select ${tickets.id} from ${tickets} where ${tickets.workspaceId} = ${workspaceId}
      and to_tsvector('simple', ${ticketSearchText(tickets)}) @@ to_tsquery('simple', ${tsquery})
    union select ${messages.ticketId} from ${messages} where to_tsvector('simple', ${messages.body}) @@ to_tsquery('simple', ${tsquery})`;
  const byText = sql`${tickets.id} in (${matches})`;
  return reference ? or(byText, eq(tickets.number, Number(reference[1]))) : byText;
}

async function countByStatus(db: Db, filters: SQL[]): Promise<Record<TicketStatus, number>> {
  const rows = await db
    .select({ status: tickets.status, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(...filters))
    .groupBy(tickets.status);
  const counts = Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

const encodeCursor = (priority: number, createdAt: string, id: string) =>
  Buffer.from(`${priority}|${createdAt}|${id}`).toString("base64url");

/** Rows after the cursor in (priority desc, created_at asc, id asc) order. */
function afterCursor(cursor: string): SQL {
  const [p, iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const priority = Number(p);
  if (!isCursorInt(priority) || !isCursorTime(iso) || !isCursorId(id)) {
    throw new ServiceError("validation_failed", "Invalid cursor", [
      { path: "cursor", message: "not a cursor from this API" },
    ]);
  }
  return or(
    lt(tickets.priority, priority),
    and(eq(tickets.priority, priority), sql`${tickets.createdAt} > ${iso}::timestamptz`),
    and(
      eq(tickets.priority, priority),
      sql`${tickets.createdAt} = ${iso}::timestamptz`,
      sql`${tickets.id} > ${id}::uuid`,
    ),
  )!;
}
