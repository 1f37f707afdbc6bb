import { type AnyColumn, and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ticketEvents, tickets } from "../../db/schema.js";
import { metricsWatermarks, ticketFacts } from "../../db/schema-metrics.js";
import { foldTicketFacts, type FoldEvent, type TicketFacts } from "./fold-ticket-facts.js";
import { applyRollupDelta, rebuildRollups, rollupFactColumns } from "./metrics-rollups.js";
import { upsertTicketFacts } from "./upsert-ticket-facts.js";

/**
 * Events may commit out of id order (concurrent transactions): re-read this many ids below the watermark, so an event
 * that committed late is still folded. Refolding a ticket is idempotent.
 */
const LATE_COMMIT_MARGIN = 500;
const BATCH = 500;

/**
 * Brings ticket_facts and the rollups up to date for one workspace: refolds only the tickets with events past the
 * watermark. The background refresher (metrics-refresher.ts) keeps that delta small; the metrics services call it
 * first, so numbers reflect the timeline as of the request.
 *
 * Each batch runs in one transaction holding the workspace's watermark row, so two refreshes (two server processes,
 * or a read racing the refresher) never apply the same delta twice: the old facts are read under the lock.
 */
export async function refreshTicketFacts(db: Db, input: { workspaceId: string }): Promise<{ refolded: number }> {
  const { workspaceId } = input;
  await db.insert(metricsWatermarks).values({ workspaceId }).onConflictDoNothing();
  const [mark] = await db
    .select({ lastEventId: metricsWatermarks.lastEventId, rollupsBuilt: metricsWatermarks.rollupsBuilt })
    .from(metricsWatermarks)
    .where(eq(metricsWatermarks.workspaceId, workspaceId));
  if (!mark!.rollupsBuilt) {
    await db.transaction(async (tx) => {
      const [locked] = await lockWatermark(tx, workspaceId);
      if (locked!.rollupsBuilt) return;
      await rebuildRollups(tx, workspaceId);
      await tx
        .update(metricsWatermarks)
        .set({ rollupsBuilt: true })
        .where(eq(metricsWatermarks.workspaceId, workspaceId));
    });
  }
  const since = Math.max(0, mark!.lastEventId - LATE_COMMIT_MARGIN);
  const changed = await db
    .select({ ticketId: ticketEvents.ticketId, maxId: sql<number>`max(${ticketEvents.id})`.mapWith(Number) })
    .from(ticketEvents)
    .where(and(gt(ticketEvents.id, since), eq(ticketEvents.workspaceId, workspaceId)))
    .groupBy(ticketEvents.ticketId);
  if (changed.length === 0) return { refolded: 0 };
  let refolded = 0;
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH);
    refolded += await db.transaction(async (tx) => {
      const t: Db = tx;
      await lockWatermark(t, workspaceId);
      // The margin re-reads events already folded: refold only tickets whose facts are older than their newest event.
      const old = await t
        .select({ ...rollupFactColumns, lastEventId: ticketFacts.lastEventId })
        .from(ticketFacts)
        .where(
          anyId(
            ticketFacts.ticketId,
            batch.map((c) => c.ticketId),
          ),
        );
      const oldById = new Map(old.map((f) => [f.ticketId, f]));
      const ids = batch.filter((c) => (oldById.get(c.ticketId)?.lastEventId ?? -1) < c.maxId).map((c) => c.ticketId);
      if (ids.length === 0) return 0;
      const facts = await refoldTickets(t, ids);
      await applyRollupDelta(t, workspaceId, [
        ...ids.flatMap((id) => (oldById.has(id) ? [{ facts: oldById.get(id)!, sign: -1 as const }] : [])),
        ...facts.map((f) => ({ facts: f, sign: 1 as const })),
      ]);
      return ids.length;
    });
  }
  const lastEventId = changed.reduce((max, c) => Math.max(max, c.maxId), mark!.lastEventId);
  await db
    .update(metricsWatermarks)
    .set({ lastEventId: sql`greatest(${metricsWatermarks.lastEventId}, ${lastEventId})` })
    .where(eq(metricsWatermarks.workspaceId, workspaceId));
  return { refolded };
}

const lockWatermark = (db: Db, workspaceId: string) =>
  db
    .select({ rollupsBuilt: metricsWatermarks.rollupsBuilt })
    .from(metricsWatermarks)
    .where(eq(metricsWatermarks.workspaceId, workspaceId))
    .for("update");

async function refoldTickets(db: Db, ticketIds: string[]): Promise<(TicketFacts & { lastEventId: number })[]> {
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
    .where(anyId(tickets.id, ticketIds));
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
    .where(anyId(ticketEvents.ticketId, ticketIds))
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
  return facts;
}

/**
 * `column = any('{…}'::uuid[])`: one parameter for a batch of up to 500 ids, where inArray built one each (and a new
 * statement text for every count). UUIDs need no quoting in an array literal.
 */
const anyId = (column: AnyColumn, ids: string[]) => sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;
