/**
 * Job queue latency and throughput, e.g.
 *   tsx bench/jobs.ts                                   (the embedded PGlite, in memory)
 *   tsx bench/jobs.ts postgres://postgres@127.0.0.1:5432/bench_jobs   (graphile-worker; the database is created)
 * Latency: 200 jobs, each enqueued in its own committed transaction 20 ms apart (like ticket events), measured from
 * just before the enqueue to the task starting. Throughput: 1000 jobs enqueued at once, time until all have run.
 */
import postgres from "postgres";
import { loadConfig } from "../server/config.js";
import { connectionOptions, openDatabase } from "../server/db/client.js";
import { addJob } from "../server/jobs/add-job.js";
import { startJobs } from "../server/jobs/start-jobs.js";

const url = process.argv[2];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function maintenance(statement: (name: string) => string) {
  const target = new URL(url!);
  const other = new URL(target);
  other.pathname = "/postgres";
  const admin = postgres(connectionOptions(other.toString(), 1));
  await admin.unsafe(statement(decodeURIComponent(target.pathname.slice(1))));
  await admin.end();
}
if (url) {
  await maintenance((name) => `drop database if exists "${name}" with (force)`);
  await maintenance((name) => `create database "${name}"`);
}
const database = await openDatabase({ databaseUrl: url });
const config = { ...loadConfig({}), databaseUrl: url };
const latencies: number[] = [];
let done = 0;
let allDone: () => void = () => {};
const stop = await startJobs({
  database,
  config,
  tasks: {
    "bench.latency": async (payload) => void latencies.push(performance.now() - (payload as { t: number }).t),
    "bench.throughput": async () => {
      if (++done === 1000) allDone();
    },
  },
});

// performance.now() is per process: the bench enqueues and runs in one process, so the clock is shared.
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await database.db.transaction((tx) => addJob(tx, "bench.latency", { t }));
  await new Promise((r) => setTimeout(r, 20));
}
while (latencies.length < 200) await new Promise((r) => setTimeout(r, 10));
const sorted = [...latencies].sort((a, b) => a - b);

const finished = new Promise<void>((resolve) => (allDone = resolve));
const started = performance.now();
await database.db.transaction(async (tx) => {
  for (let i = 0; i < 1000; i++) await addJob(tx, "bench.throughput", { i });
});
await finished;
const seconds = (performance.now() - started) / 1000;

console.log(
  `${database.kind}: enqueue -> task start p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms (200 jobs); ` +
    `throughput ${(1000 / seconds).toFixed(0)} jobs/s (1000 jobs, ${seconds.toFixed(2)} s)`,
);
await stop();
await database.close();
if (url) await maintenance((name) => `drop database if exists "${name}" with (force)`);
