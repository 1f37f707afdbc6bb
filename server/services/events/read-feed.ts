import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../lib/rows-of.js";

/** One sequenced feed row with what the streams need to decide who may see it and what to send. */
export interface FeedRow {
  position: number;
  workspaceId: string;
  ticketId: string;
  type: string;
  actorType: string;
  actorId: string | null;
  at: string;
  details: Record<string, unknown>;
  /** The ticket's owner, for customer streams (see server/access/live-scope.ts). */
  customerId: string | null;
  browserTokenHash: string | null;
}

interface RawRow {
  position: string | number;
  workspace_id: string;
  ticket_id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  at: string | Date;
  details: Record<string, unknown> | string;
  customer_id: string | null;
  browser_token_hash: string | null;
}

/** Sequenced rows after `after`, oldest first; one workspace's only when given. */
export async function readFeed(
  db: Db,
  input: { after: number; workspaceId?: string; limit: number },
): Promise<FeedRow[]> {
  const workspace = input.workspaceId ? sql`and le.workspace_id = ${input.workspaceId}` : sql``;
  const result = await db.execute(sql`
    select le.position, le.workspace_id, le.ticket_id, le.type, te.actor_type, te.actor_id, te.at, te.details,
           t.customer_id, t.browser_token_hash
    from live_events le
    join ticket_events te on te.id = le.ticket_event_id
    join tickets t on t.id = le.ticket_id
    where le.position > ${input.after} ${workspace}
    order by le.position
    limit ${input.limit}`);
  return rowsOf<RawRow>(result).map((r) => ({
    position: Number(r.position),
    workspaceId: r.workspace_id,
    ticketId: r.ticket_id,
    type: r.type,
    actorType: r.actor_type,
    actorId: r.actor_id,
    at: new Date(r.at).toISOString(),
    details: typeof r.details === "string" ? JSON.parse(r.details) : r.details,
    customerId: r.customer_id,
    browserTokenHash: r.browser_token_hash,
  }));
}

/** The newest position and the oldest one still kept (0 when the feed is empty). */
export async function feedBounds(db: Db): Promise<{ head: number; oldest: number }> {
  const result = await db.execute(
    sql`select coalesce(max(position), 0) as head, coalesce(min(position), 0) as oldest from live_events where position is not null`,
  );
  const [row] = rowsOf<{ head: string | number; oldest: string | number }>(result);
  return { head: Number(row?.head ?? 0), oldest: Number(row?.oldest ?? 0) };
}
