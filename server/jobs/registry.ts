import type { Config } from "../config.js";
import type { Db } from "../db/client.js";

/** What a task gets besides its payload. */
export interface JobContext {
  db: Db;
  config: Config;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  jobId: string;
}

/** A task throws to be retried with backoff; it must tolerate running again after a crash mid-way. */
export type Task = (payload: unknown, ctx: JobContext) => Promise<void>;
export type TaskList = Record<string, Task>;

/** Backoff between attempts, in seconds: the same curve as graphile-worker (e^attempt, capped at e^10 ≈ 6 h). */
export const retryDelaySeconds = (attempt: number) => Math.exp(Math.min(attempt, 10));
