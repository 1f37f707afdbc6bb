import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import postgres from "postgres";
import { connectionOptions, parseDatabaseUrl } from "../server/db/client.js";

export interface BenchServer {
  origin: string;
  server: ChildProcess;
  /** A pool on the scratch database, `connections` wide. */
  sql: postgres.Sql;
  /** Stops the server, drops the scratch database. */
  stop(): Promise<void>;
}

/**
 * server/main.ts on a scratch database of its own on the PostgreSQL at TEST_DATABASE_URL (or BENCH_DATABASE_URL),
 * logging warnings only, ready once it answers /readyz and its workspace exists. BENCH_SERVER_NODE_ARGS go to its
 * node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
export async function startBenchServer(input: {
  prefix: string;
  connections: number;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("Set TEST_DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server");
  const dbName = `${input.prefix}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(connectionOptions(baseUrl, 1));
  await admin.unsafe(`create database "${dbName}"`);
  const dbUrl = parseDatabaseUrl(baseUrl);
  dbUrl.pathname = `/${dbName}`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", "server/main.ts"],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl.toString(),
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        ...input.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const sql = postgres(connectionOptions(dbUrl.toString(), input.connections));
  const stop = async () => {
    if (server.exitCode === null) {
      await new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      });
    }
    await sql.end();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  };
  try {
    await waitForReady(origin, server, sql);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, server, sql, stop };
}

async function waitForReady(origin: string, server: ChildProcess, sql: postgres.Sql) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    // /readyz, not /healthz: it answers 200 once the job runner's schema is in place, so a first ticket's outbox flush
    // does not meet graphile-worker's migration.
    const ok = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && (await sql`select 1 from workspaces limit 1`.catch(() => [])).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start within 60 s");
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}
