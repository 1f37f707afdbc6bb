import { sql } from "drizzle-orm";
import { Logger, run, type TaskList as GraphileTaskList } from "graphile-worker";
import pg from "pg";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { TaskList } from "./registry.js";

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});

/**
 * Runs the tasks with graphile-worker on PostgreSQL: jobs are claimed with SKIP LOCKED and LISTEN/NOTIFY, so any
 * number of server processes share the queue and each job runs once. Returns the teardown.
 */
export async function startGraphileRunner(
  databaseUrl: string,
  db: Db,
  config: Config,
  tasks: TaskList,
  options: { concurrency?: number } = {},
): Promise<() => Promise<void>> {
  const taskList: GraphileTaskList = {};
  for (const [name, task] of Object.entries(tasks)) {
    taskList[name] = (payload, helpers) =>
      task(payload, {
        db,
        config,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        jobId: helpers.job.id,
      });
  }
  // Our own pool, so the teardown can wait until every connection is closed (tests drop the database right after).
  const pgPool = new pg.Pool({ connectionString: databaseUrl, max: (options.concurrency ?? 4) + 2 });
  const lost = (error: Error) => console.warn(`[jobs] database connection lost: ${error.message}`);
  pgPool.on("error", lost);
  pgPool.on("connect", (client) => client.on("error", lost));
  const runner = await run({
    pgPool,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: quietLogger,
    taskList,
  });
  // Jobs enqueued before graphile-worker's schema existed (first start after the upgrade) move over once.
  await db.execute(sql`with moved as (delete from handoff_jobs returning *)
    select handoff_add_job(name, payload, run_at, max_attempts, job_key) from moved`);
  return async () => {
    await runner.stop();
    await pgPool.end();
  };
}
