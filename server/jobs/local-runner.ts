import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { rowsOf } from "../lib/rows-of.js";
import type { TaskList } from "./registry.js";

interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface LocalRunnerOptions {
  concurrency?: number;
  /** Fallback poll; jobs committed in this process also wake the runner through LISTEN. */
  pollMs?: number;
  /** Subscribes to the handoff_jobs channel; returns the unsubscribe. */
  listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
}

/**
 * Runs handoff_jobs in this process (the embedded PGlite, which only one process can open). A job is claimed with
 * FOR UPDATE SKIP LOCKED, deleted when done, or released with its error and an exponential backoff; after
 * max_attempts it stays as failed. Returns the teardown, which waits for running jobs.
 */
export async function startLocalRunner(
  db: Db,
  config: Config,
  tasks: TaskList,
  options: LocalRunnerOptions = {},
): Promise<() => Promise<void>> {
  const workerId = `local-${randomBytes(4).toString("hex")}`;
  const names = Object.keys(tasks);
  const concurrency = options.concurrency ?? 4;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let pumping = false;
  let again = false;

  // Only this process can hold the embedded database: a lock left behind is from a crash, so run that job again.
  await db.execute(sql`update handoff_jobs set locked_at = null, locked_by = null where locked_at is not null`);

  const claim = async (): Promise<ClaimedJob | undefined> => {
    if (names.length === 0) return undefined;
    const result = await db.execute(sql`
      update handoff_jobs set locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
      where id = (
        select id from handoff_jobs
        where locked_at is null and run_at <= now() and attempts < max_attempts and name in ${names}
        order by run_at, id limit 1 for update skip locked)
      returning id::text, name, payload, attempts, max_attempts`);
    return rowsOf<ClaimedJob>(result)[0];
  };

  const execute = async (job: ClaimedJob) => {
    try {
      await tasks[job.name]!(job.payload, {
        db,
        config,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        jobId: job.id,
      });
      await db.execute(sql`delete from handoff_jobs where id = ${job.id}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = Math.exp(Math.min(job.attempts, 10));
      await db
        .execute(sql`update handoff_jobs set locked_at = null, locked_by = null, last_error = ${message.slice(0, 2000)},
          run_at = now() + make_interval(secs => ${delay}) where id = ${job.id}`)
        .catch((e) => console.error("[jobs] could not release job", job.id, e));
    }
  };

  const pump = async () => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped && running.size < concurrency) {
          const job = await claim();
          if (!job) break;
          const run = execute(job).finally(() => {
            running.delete(run);
            void pump();
          });
          running.add(run);
        }
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) console.error("[jobs] claim failed:", error);
    } finally {
      pumping = false;
    }
  };

  const unlisten = options.listen ? await options.listen(() => void pump()) : undefined;
  const timer = setInterval(() => void pump(), options.pollMs ?? 1000);
  timer.unref();
  void pump();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await unlisten?.();
    while (pumping || running.size > 0) await Promise.race([...running, new Promise((r) => setTimeout(r, 10))]);
  };
}
