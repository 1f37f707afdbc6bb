import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { startGraphileRunner } from "./graphile-runner.js";
import { startLocalRunner } from "./local-runner.js";
import type { TaskList } from "./registry.js";

export interface StartJobsOptions {
  database: Database;
  config: Config;
  tasks: TaskList;
  concurrency?: number;
}

/**
 * Starts the job runner for this database: graphile-worker on PostgreSQL (config.databaseUrl), the in-process
 * runner on the embedded PGlite. Returns the teardown, which lets running jobs finish.
 */
export async function startJobs({
  database,
  config,
  tasks,
  concurrency,
}: StartJobsOptions): Promise<() => Promise<void>> {
  if (database.kind === "postgres") {
    if (!config.databaseUrl) throw new Error("startJobs: a PostgreSQL database needs config.databaseUrl");
    return startGraphileRunner(config.databaseUrl, database.db, config, tasks, { concurrency });
  }
  const client = pgliteClient(database.db);
  return startLocalRunner(database.db, config, tasks, {
    concurrency,
    listen: client ? (onNotify) => client.listen("handoff_jobs", onNotify) : undefined,
  });
}

interface ListeningClient {
  listen(channel: string, callback: () => void): Promise<() => Promise<void>>;
}

/** drizzle's PGlite database keeps its client as $client: used for LISTEN, so a committed job starts at once. */
function pgliteClient(db: object): ListeningClient | undefined {
  const client = "$client" in db ? (db.$client as Partial<ListeningClient>) : undefined;
  return typeof client?.listen === "function" ? (client as ListeningClient) : undefined;
}
