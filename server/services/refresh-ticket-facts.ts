import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { metricsWatermarks, ticketEvents, ticketFacts, tickets } from "../db/schema.js";
import { foldTicketFacts, type FoldEvent, type TicketFacts } from "../lib/fold-ticket-facts.js";

/**
 * Events may commit out of id order (concurrent transactions): re-read this many ids below the watermark, so an event
 * that committed late is still folded. Refolding a ticket is idempotent.
 */
const LATE_COMMIT_MARGIN = 500;
const BATCH = 500;

/**
 * Brings ticket_facts up to date for one workspace: refolds only the tickets with events past the watermark.
 * The metrics services call it first, so numbers reflect the timeline as of the request.
 */
export async function refreshTicketFacts(db: Db, input: { workspaceId: string }): Promise<{ refolded: number }> {
  const [mark] = await db
    .select({ lastEventId: metricsWatermarks.lastEventId })
    .from(metricsWatermarks)
    .where(eq(metricsWatermarks.workspaceId, input.workspaceId));
  const since = Math.max(0, (mark?.lastEventId ?? 0) - LATE_COMMIT_MARGIN);
  const changed = await db
    .select({ ticketId: ticketEvents.ticketId, maxId: sql<number>`max(${ticketEvents.id})`.mapWith(Number) })
    .from(ticketEvents)
    .where(and(gt(ticketEvents.id, since), eq(ticketEvents.workspaceId, input.workspaceId)))
    .groupBy(ticketEvents.ticketId);
  if (changed.length === 0) return { refolded: 0 };
  // The margin re-reads events already folded: refold only tickets whose facts are older than their newest event.
  const folded = await db
    .select({ ticketId: ticketFacts.ticketId, lastEventId: ticketFacts.lastEventId })
    .from(ticketFacts)
    .where(inArray(ticketFacts.ticketId, changed.map((c) => c.ticketId)));
  const foldedUpTo = new Map(folded.map((f) => [f.ticketId, f.lastEventId]));
  const ids = changed.filter((c) => (foldedUpTo.get(c.ticketId) ?? -1) < c.maxId).map((c) => c.ticketId);
  for (let i = 0; i < ids.length; i += BATCH) await refoldTickets(db, ids.slice(i, i + BATCH));
  const lastEventId = changed.reduce((max, c) => Math.max(max, c.maxId), mark?.lastEventId ?? 0);
  await db
    .insert(metricsWatermarks)
    .values({ workspaceId: input.workspaceId, lastEventId })
    .onConflictDoUpdate({ target: metricsWatermarks.workspaceId, set: { lastEventId: sql`greatest(${metricsWatermarks.lastEventId}, ${lastEventId})` } });
  return { refolded: ids.length };
}

async function refoldTickets(db: Db, ticketIds: string[]): Promise<void> {
  const rows = await db
    .select({
      id: tickets.id,
      workspaceId: tickets.workspaceId,
      createdAt: tickets.createdAt,
      queue: tickets.queue,
      identity: tickets.identity,
      network: sql<unknown>`${tickets.context}->'network'`,
      console: sql<unknown>`${tickets.context}->'console'`,
    })
    .from(tickets)
    .where(inArray(tickets.id, ticketIds));
  const events = await db
    .select({
      ticketId: ticketEvents.ticketId,
      id: ticketEvents.id,
      type: ticketEvents.type,
      actorType: ticketEvents.actorType,
      actorId: ticketEvents.actorId,
      at: ticketEvents.at,
      details: ticketEvents.details,
    })
    .from(ticketEvents)
    .where(inArray(ticketEvents.ticketId, ticketIds))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
  const byTicket = new Map<string, (FoldEvent & { id: number })[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId) ?? [];
    list.push(e);
    byTicket.set(e.ticketId, list);
  }
  const facts = rows.map((t) => ({
    ...foldTicketFacts(
      {
        id: t.id,
        workspaceId: t.workspaceId,
        createdAt: t.createdAt,
        queue: t.queue,
        plan: t.identity?.plan ?? null,
        context: { network: (t.network ?? []) as never, console: (t.console ?? []) as never },
      },
      byTicket.get(t.id) ?? [],
    ),
    lastEventId: (byTicket.get(t.id) ?? []).reduce((max, e) => Math.max(max, e.id), 0),
  }));
  await upsertTicketFacts(db, facts);
}

export async function upsertTicketFacts(db: Db, facts: (TicketFacts & { lastEventId: number })[]): Promise<void> {
  if (facts.length === 0) return;
  const columns = Object.keys(facts[0]!).filter((k) => k !== "ticketId");
  const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${toSnake(k)}`)]));
  await db.insert(ticketFacts).values(facts).onConflictDoUpdate({ target: ticketFacts.ticketId, set });
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
