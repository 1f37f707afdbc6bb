/**
 * What the CORS and security headers cost an answer on @hono/node-server, without a database: hono/cors with the
 * headers added after next() (as before issue #16) against server/middleware/cors.ts and securityHeaders, which set
 * them before the handler answers. Each variant is served by its own process; 8 keep-alive clients POST a small
 * ticket-sized body; prints answers a second and the server process's CPU per answer (from /proc).
 *
 *   npx tsx bench/response-headers.ts [requests=20000]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { serve } from "@hono/node-server";
import { Hono, type MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { cors } from "../server/middleware/cors.js";
import { requestId } from "../server/middleware/request-id.js";
import { securityHeaders } from "../server/middleware/security-headers.js";
import type { AppEnv } from "../server/env.js";
import { freePort } from "./bench-server.js";

const ORIGIN = "https://app.customer.example";
const corsOptions = {
  origin: (origin: string) => origin,
  allowMethods: ["POST", "PUT", "OPTIONS"],
  allowHeaders: ["Content-Type", "Content-Encoding", "Authorization", "X-Handoff-Key"],
  exposeHeaders: ["Retry-After", "X-Request-Id", "Idempotent-Replayed"],
  maxAge: 600,
};

if (process.argv[2] === "serve") {
  const before = process.argv[3] === "before";
  const headersAfterNext: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  };
  const app = new Hono<AppEnv>();
  app.use("*", requestId(), before ? headersAfterNext : securityHeaders({}));
  app.use("*", before ? honoCors(corsOptions) : cors(corsOptions));
  app.post("/tickets", async (c) => {
    const body = await c.req.text();
    return c.json({ id: crypto.randomUUID(), reference: "HO-1", uploadToken: "0".repeat(64), bytes: body.length }, 201);
  });
  serve({ fetch: app.fetch, port: Number(process.argv[4]), hostname: "127.0.0.1" });
} else {
  const REQUESTS = Number(process.argv[2] ?? 20_000);
  const body = JSON.stringify({ subject: "Export fails", description: "x".repeat(2000) });
  for (let round = 0; round < 3; round++) {
    for (const variant of ["before", "after"]) {
      const { rate, cpuUs } = await measure(variant, body, REQUESTS);
      console.log(
        `${variant.padEnd(7)} ${rate.toFixed(0).padStart(6)} answers/s, server CPU ${cpuUs.toFixed(0)} µs an answer`,
      );
    }
  }
}

async function measure(variant: string, body: string, requests: number) {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "serve", variant, String(port)], {
    stdio: "inherit",
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path: "/tickets", method: "POST", agent, headers: { Origin: ORIGIN } },
        (res) => {
          const ok = res.statusCode === 201 && res.headers["access-control-allow-origin"] === ORIGIN;
          if (!ok || res.headers["x-content-type-options"] !== "nosniff") reject(new Error(`${res.statusCode}`));
          res.resume();
          res.on("end", resolve);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const clients = (count: number) =>
    Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < count / 8; i++) await post();
      }),
    );
  try {
    for (let up = false; !up; )
      up = await post().then(
        () => true,
        () => new Promise((r) => setTimeout(() => r(false), 100)),
      );
    await clients(4000);
    const cpu = cpuMs(server.pid!);
    const start = performance.now();
    await clients(requests);
    return {
      rate: requests / ((performance.now() - start) / 1000),
      cpuUs: ((cpuMs(server.pid!) - cpu) * 1000) / requests,
    };
  } finally {
    server.kill();
    agent.destroy();
  }
}

/** A process's CPU time so far (user + system), in ms; USER_HZ is 100 on Linux. */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
