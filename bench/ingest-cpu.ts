/**
 * The server's CPU per ticket, with and without the work a ticket leaves behind (notification jobs): a figure that
 * a busy shared machine disturbs less than a rate. Starts server/main.ts on a scratch database, files warm-up tickets,
 * then N tickets from 8 concurrent clients (each request from its own 127.x.y.z address) and reads the server's
 * utime + stime from /proc before, right after the last answer, and once it is idle again.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/ingest-cpu.ts [tickets=1500]
 *
 * Keep tickets + 400 under the widget's per-workspace limit (3,000 a minute) or the run stops at a 429.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import postgres from "postgres";
import { connectionOptions } from "../server/db/client.js";
import { ticketBody } from "../tests/helpers/test-app.js";

const TICKETS = Number(process.argv[2] ?? 1500);
const CLIENTS = 8;
const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!baseUrl) throw new Error("Set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server");

const dbName = `handoff_cpu_${randomBytes(4).toString("hex")}`;
const admin = postgres(connectionOptions(baseUrl, 1));
await admin.unsafe(`create database "${dbName}"`);
const dbUrl = new URL(baseUrl);
dbUrl.pathname = `/${dbName}`;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", "server/main.ts"],
  {
    env: { ...process.env, DATABASE_URL: dbUrl.toString(), PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const sql = postgres(connectionOptions(dbUrl.toString(), 2));

/** The server process's CPU time so far, in ms (utime + stime; USER_HZ is 100 on Linux). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

try {
  await waitForReady();
  // Past start-up: the job runner's schema is in place before the first flush queues a job.
  await new Promise((r) => setTimeout(r, 4000));
  const [workspace] = await sql<{ site_key: string }[]>`select site_key from workspaces limit 1`;
  const body = JSON.stringify(ticketBody({ pageUrl: `${origin}/demo/` }));
  let seq = 0;
  const file = () =>
    new Promise<number>((resolve, reject) => {
      const n = ++seq;
      const req = request(
        `${origin}/api/v1/widget/tickets`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Handoff-Key": workspace!.site_key, Origin: origin },
          localAddress: `127.1.${(n >> 8) & 255}.${n & 255 || 1}`,
          agent: false,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const fileMany = async (count: number) => {
    let left = count;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) {
          const status = await file();
          if (status !== 201) throw new Error(`POST tickets: ${status}`);
        }
      }),
    );
  };
  /** Until the server spends less than 15 ms of CPU in 0.7 s (its jobs done), at most ~20 s. */
  const settle = async () => {
    for (let last = cpuMs(), i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 700));
      const now = cpuMs();
      if (now - last < 15) return;
      last = now;
    }
  };
  await fileMany(400);
  await settle();
  const before = cpuMs();
  const start = performance.now();
  await fileMany(TICKETS);
  const seconds = (performance.now() - start) / 1000;
  const answered = cpuMs();
  await settle();
  const settled = cpuMs();
  console.log(
    `${TICKETS} tickets at ${(TICKETS / seconds).toFixed(0)}/s: server CPU ${((answered - before) / TICKETS).toFixed(2)} ms a ticket while answering, ${((settled - before) / TICKETS).toFixed(2)} ms with the work they left (jobs)`,
  );
} finally {
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
  await sql.end();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}

async function waitForReady() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && (await sql`select 1 from workspaces limit 1`.catch(() => [])).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start within 60 s");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}
