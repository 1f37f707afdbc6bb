import { sql } from "drizzle-orm";
import type { Db, DbKind } from "../db/client.js";
import { rowsOf } from "../lib/rows-of.js";
import type { JobIssue } from "../../shared/notifications-api.js";

export type { JobIssue };

/**
 * A workspace's jobs that have failed at least once (payload.workspaceId): retrying ones with their next run, and
 * failed ones (out of attempts) with their last error, newest first. Reads graphile-worker's table on PostgreSQL.
 */
export async function listJobIssues(db: Db, kind: DbKind, workspaceId: string, limit = 100): Promise<JobIssue[]> {
  const graphile =
    kind === "postgres" &&
    rowsOf<{ ok: boolean }>(
      await db.execute(sql`select to_regclass('graphile_worker._private_jobs') is not null as ok`),
    )[0]?.ok;
  const source = graphile
    ? sql`select j.id::text as id, t.identifier as name, j.attempts, j.max_attempts, j.last_error, j.run_at
          from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where j.last_error is not null and j.payload->>'workspaceId' = ${workspaceId}`
    : sql`select id::text as id, name, attempts, max_attempts, last_error, run_at
          from handoff_jobs where last_error is not null and payload->>'workspaceId' = ${workspaceId}`;
  const rows = rowsOf<{
    id: string;
    name: string;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    run_at: string | Date;
  }>(await db.execute(sql`${source} order by run_at desc limit ${limit}`));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.attempts >= r.max_attempts ? "failed" : "retrying",
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    runAt: new Date(r.run_at).toISOString(),
  }));
}
