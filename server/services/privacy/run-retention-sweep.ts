import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { every } from "../../lib/every.js";
import { rowsOf } from "../../lib/rows-of.js";
import type { RetentionSweepResult } from "../../../shared/privacy-api.js";
import { type BlobStore, deletePrefix, storeWithin, ticketPrefix } from "../../storage/blob-store.js";
import { anonymiseTickets } from "./anonymise-tickets.js";
import { recordPrivacyAudit } from "./record-privacy-audit.js";
import { DEFAULT_RETENTION } from "./retention-settings.js";

/** Any number of processes may call this at once: the advisory lock lets one sweep, the others return at once. */
const SWEEP_LOCK = 727_416;

/**
 * Deletes recordings past their workspace's retention and anonymises resolved/closed tickets past theirs, in
 * batches, each batch in its own transaction holding the sweep lock. Returns what it did.
 */
export async function runRetentionSweep(
  db: Db,
  blobs: BlobStore,
  options: {
    batchSize?: number;
    now?: Date;
    /** An admin's "Apply retention now": only their workspace, and its audit lines name them instead of "automatic". */
    requestedBy?: { workspaceId: string; actorId: string };
  } = {},
): Promise<RetentionSweepResult> {
  const batchSize = options.batchSize ?? 100;
  // An admin's run sweeps their own workspace only: its counts must not tell them about other tenants' data.
  const scope = options.requestedBy ? sql`and t.workspace_id = ${options.requestedBy.workspaceId}` : sql``;
  const now = (options.now ?? new Date()).toISOString();
  const result: RetentionSweepResult = { recordingsDeleted: 0, ticketsAnonymised: 0, ran: true };
  const perWorkspace = new Map<string, { recordings: number; tickets: number }>();
  const tally = (workspaceId: string) => {
    const entry = perWorkspace.get(workspaceId) ?? { recordings: 0, tickets: 0 };
    perWorkspace.set(workspaceId, entry);
    return entry;
  };

  for (let more = true; more; ) {
    more = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`),
      );
      if (!lock?.ok) {
        result.ran = false;
        return false;
      }
      const store = storeWithin(blobs, tx);
      const expired = rowsOf<{ ticket_id: string; workspace_id: string; blob_key: string | null }>(
        await tx.execute(sql`select r.ticket_id, t.workspace_id, r.blob_key from recordings r
          join tickets t on t.id = r.ticket_id
          left join retention_settings s on s.workspace_id = t.workspace_id
          where r.created_at < ${now}::timestamptz
            - make_interval(days => coalesce(s.recording_days, ${DEFAULT_RETENTION.recordingDays})) ${scope}
          order by r.created_at limit ${batchSize} for update of r skip locked`),
      );
      for (const row of expired) {
        if (row.blob_key) await store.delete(row.blob_key);
        await deleteRecordingObjects(store, row.workspace_id, row.ticket_id);
        await tx.execute(sql`delete from recordings where ticket_id = ${row.ticket_id}`);
        await tx.execute(sql`update tickets set recording_status = 'none' where id = ${row.ticket_id}`);
        tally(row.workspace_id).recordings++;
      }
      result.recordingsDeleted += expired.length;

      // A recording that never got its row (the process stopped between the object's write and the row's, or the
      // delete of a losing upload's copy failed) still holds the customer's screen: gone with the others' retention.
      const abandoned = rowsOf<{ id: string; workspace_id: string }>(
        await tx.execute(sql`select t.id, t.workspace_id from tickets t
          left join retention_settings s on s.workspace_id = t.workspace_id
          where t.recording_status = 'pending' and t.created_at < ${now}::timestamptz
            - make_interval(days => coalesce(s.recording_days, ${DEFAULT_RETENTION.recordingDays})) ${scope}
            and not exists (select 1 from recordings r where r.ticket_id = t.id)
          order by t.created_at limit ${batchSize} for update of t skip locked`),
      );
      for (const ticket of abandoned) {
        await deleteRecordingObjects(store, ticket.workspace_id, ticket.id);
        await tx.execute(sql`update tickets set recording_status = 'none' where id = ${ticket.id}`);
      }

      const stale = rowsOf<{ id: string; workspace_id: string }>(
        await tx.execute(sql`select t.id, t.workspace_id from tickets t
          join retention_settings s on s.workspace_id = t.workspace_id and s.anonymise_closed_after_days is not null
          where t.status in ('resolved', 'closed')
            and coalesce(t.resolved_at, t.updated_at) < ${now}::timestamptz - make_interval(days => s.anonymise_closed_after_days)
            and not exists (select 1 from anonymised_tickets a where a.ticket_id = t.id) ${scope}
          order by t.updated_at limit ${batchSize} for update of t skip locked`),
      );
      for (const workspaceId of new Set(stale.map((t) => t.workspace_id))) {
        const ticketIds = stale.filter((t) => t.workspace_id === workspaceId).map((t) => t.id);
        const counts = await anonymiseTickets(tx, store, { workspaceId, ticketIds });
        tally(workspaceId).tickets += counts.tickets;
        result.ticketsAnonymised += counts.tickets;
      }
      return expired.length === batchSize || stale.length === batchSize || abandoned.length === batchSize;
    });
  }
  for (const [workspaceId, done] of perWorkspace) {
    const actorId = options.requestedBy?.workspaceId === workspaceId ? options.requestedBy.actorId : null;
    if (done.recordings) {
      await recordPrivacyAudit(db, {
        workspaceId,
        action: "recordings_expired",
        actorId,
        details: { recordings: done.recordings },
      });
    }
    if (done.tickets) {
      await recordPrivacyAudit(db, {
        workspaceId,
        action: "tickets_anonymised",
        actorId,
        details: { tickets: done.tickets },
      });
    }
  }
  return result;
}

/** Every recording object under the ticket's prefix: the row's, and copies an interrupted upload left behind. */
const deleteRecordingObjects = (blobs: BlobStore, workspaceId: string, ticketId: string) =>
  deletePrefix(blobs, `${ticketPrefix(workspaceId, ticketId)}recording`);

/** Sweeps every intervalMs (hourly by default); a pass never overlaps the previous one. Returns the teardown. */
export function startRetentionScheduler(db: Db, blobs: BlobStore, options: { intervalMs?: number } = {}) {
  return every(options.intervalMs ?? 3600_000, "retention", () => runRetentionSweep(db, blobs));
}
