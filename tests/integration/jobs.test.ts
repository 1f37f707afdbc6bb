import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../server/config.js";
import type { Database } from "../../server/db/client.js";
import { addJob } from "../../server/jobs/add-job.js";
import { listJobIssues } from "../../server/jobs/list-jobs.js";
import type { TaskList } from "../../server/jobs/registry.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, waitFor } from "../helpers/notify-databases.js";

describe.each(DATABASE_KINDS)("job queue on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const config: Config = { ...loadConfig({}), databaseUrl };
    const { workspace } = await ensureDemoWorkspace(database.db, {
      siteKey: "pk_jobs",
      allowedOrigins: [],
      adminEmail: "admin@example.com",
      adminPassword: "a long enough password",
    });
    const start = async (tasks: TaskList, db: Database = database) => {
      const stop = await startJobs({ database: db, config, tasks });
      let stopped = false;
      const once = async () => {
        if (!stopped) await stop();
        stopped = true;
      };
      cleanups.push(once);
      return once;
    };
    return { database, db: database.db, workspaceId: workspace.id, start };
  }

  it("runs a job only when the transaction that enqueued it commits", async () => {
    const { db, start } = await setup();
    const seen: string[] = [];
    await db
      .transaction(async (tx) => {
        await addJob(tx, "record", { tag: "rolled-back" });
        throw new Error("rollback");
      })
      .catch(() => {});
    await db.transaction(async (tx) => addJob(tx, "record", { tag: "committed" }));
    await start({ record: async (payload) => void seen.push((payload as { tag: string }).tag) });
    await waitFor(() => seen.length > 0, "the committed job");
    await addJob(db, "record", { tag: "after start" });
    await waitFor(() => seen.length > 1, "the job added while running");
    expect(seen).toEqual(["committed", "after start"]);
  });

  it("retries a failing job with backoff, shows its error meanwhile, and survives a restart mid-retry", async () => {
    const { db, workspaceId, start } = await setup();
    const attempts: number[] = [];
    const flaky: TaskList = {
      flaky: async (_payload, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) throw new Error("receiver said 503");
      },
    };
    const stop = await start(flaky);
    await addJob(db, "flaky", { workspaceId });
    const issues = await waitFor(async () => {
      const found = await listJobIssues(db, kind, workspaceId);
      return found.length > 0 && found;
    }, "the failure to be visible");
    expect(issues[0]).toMatchObject({ name: "flaky", state: "retrying", attempts: 1, lastError: "receiver said 503" });
    expect(new Date(issues[0]!.runAt).getTime()).toBeGreaterThan(Date.now());
    await stop(); // the process goes away between attempts
    await start(flaky);
    await waitFor(() => attempts.length === 2, "the retry after restart");
    expect(attempts).toEqual([1, 2]);
    await waitFor(async () => (await listJobIssues(db, kind, workspaceId)).length === 0, "the job to be done");
  });

  it("keeps a job that ran out of attempts as failed with its last error", async () => {
    const { db, workspaceId, start } = await setup();
    await start({ broken: async () => Promise.reject(new Error("smtp refused")) });
    await addJob(db, "broken", { workspaceId }, { maxAttempts: 1 });
    const [issue] = await waitFor(async () => {
      const found = await listJobIssues(db, kind, workspaceId);
      return found[0]?.state === "failed" && found;
    }, "the job to fail");
    expect(issue).toMatchObject({
      name: "broken",
      state: "failed",
      attempts: 1,
      maxAttempts: 1,
      lastError: "smtp refused",
    });
  });

  it("runs each job exactly once with two runners sharing the queue", async () => {
    const { db, start } = await setup();
    const runs = new Map<number, number>();
    const count: TaskList = {
      count: async (payload) => {
        const n = (payload as { n: number }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
      },
    };
    await start(count);
    await start(count);
    for (let n = 0; n < 60; n++) await addJob(db, "count", { n });
    await waitFor(() => runs.size === 60, "all 60 jobs");
    expect([...runs.values()].every((times) => times === 1)).toBe(true);
  });
});
