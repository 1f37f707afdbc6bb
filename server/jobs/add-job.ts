import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";

export interface AddJobOptions {
  /** Run no earlier than this (default: now). */
  runAt?: Date;
  /** Attempts before the job is kept as failed (default 25, with exponential backoff up to ~6 h apart). */
  maxAttempts?: number;
  /** A pending job with the same key is replaced: one sweep per workspace, not one per trigger. */
  jobKey?: string;
}

/**
 * Enqueues a job. Pass the transaction of the change that causes it: the job exists if and only if that change
 * commits. handoff_add_job() (migration 0007) routes it to graphile-worker on PostgreSQL, or to handoff_jobs.
 */
export async function addJob(db: Db, name: string, payload: object, options: AddJobOptions = {}): Promise<void> {
  const runAt = options.runAt ? options.runAt.toISOString() : null;
  await db.execute(
    sql`select handoff_add_job(${name}, ${JSON.stringify(payload)}::jsonb, ${runAt}::timestamptz, ${options.maxAttempts ?? null}::integer, ${options.jobKey ?? null}::text)`,
  );
}
