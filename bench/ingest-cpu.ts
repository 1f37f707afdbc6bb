import { readFileSync } from "node:fs";
import { request } from "node:http";
import { ticketBody } from "../tests/helpers/test-app.js";
import { startBenchServer } from "./bench-server.js";

const TICKETS = Number(process.argv[2] ?? 1500);
const CLIENTS = 8;
const bench = await startBenchServer({ prefix: "handoff_cpu", connections: 2 });
const { origin, server, sql } = bench;

/** The server process's CPU time so far, in ms (utime + stime; USER_HZ is 100 on Linux). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

try {
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
  await bench.stop();
}
