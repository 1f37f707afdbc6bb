import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { openDatabase } from "../../server/db/client.js";
import { addJob } from "../../server/jobs/add-job.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, waitFor } from "../helpers/notify-databases.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the embedded database's queue", () => {
  it("keeps a job that failed across a restart of the server and runs its retry after it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handoff-jobs-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const config = loadConfig({});
    const attempts: number[] = [];
    const flaky = {
      flaky: async (_p: unknown, ctx: { attempt: number }) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) throw new Error("receiver down");
      },
    };
    let database = await openDatabase({ dataDir });
    let stop = await startJobs({ database, config, tasks: flaky });
    await addJob(database.db, "flaky", {});
    await waitFor(() => attempts.length === 1, "the first attempt");
    await stop();
    await database.close();

    database = await openDatabase({ dataDir });
    cleanups.push(() => database.close());
    stop = await startJobs({ database, config, tasks: flaky });
    cleanups.push(stop);
    await waitFor(() => attempts.length === 2, "the retry after the restart");
    expect(attempts).toEqual([1, 2]);
  });
});

describe.skipIf(!DATABASE_KINDS.includes("postgres"))("two server processes on one PostgreSQL", () => {
  it("run each job exactly once between them", async () => {
    const { database, databaseUrl } = await freshDatabaseWithUrl("postgres");
    cleanups.push(() => database.close());
    await database.db.execute(sql`create table job_runs (n int not null, pid int not null)`);
    const children: ChildProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/job-worker-process.ts", databaseUrl!], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      children.push(child);
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            child.once("exit", () => resolve());
            child.stdin!.end();
          }),
      );
    }
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => child.stdout!.on("data", (d) => String(d).includes("ready") && resolve())),
      ),
    );
    for (let n = 0; n < 100; n++) await addJob(database.db, "count", { n });
    const count = async () =>
      rowsOf<{ runs: number; distinct: number }>(
        await database.db.execute(sql`select count(*)::int as runs, count(distinct n)::int as distinct from job_runs`),
      )[0]!;
    await waitFor(async () => (await count()).distinct === 100, "all 100 jobs", 60_000);
    expect(await count()).toEqual({ runs: 100, distinct: 100 });
  });
});
