import { type ChildProcess, spawn } from "node:child_process";
import { createServer as createHttpServer, request, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { ROOT } from "./paths.js";

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A real `server/main.ts` process on its own port; stop() sends SIGTERM and waits for the exit. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    return fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
  }, 90_000);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A tiny round-robin proxy, like the load balancer in deploy/: says which upstream answered in X-Upstream. */
export async function startProxy(upstreams: string[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server: Server = createHttpServer((req, res) => {
    const index = next++ % upstreams.length;
    const target = new URL(req.url ?? "/", upstreams[index]);
    const forward = request(target, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, "x-upstream": String(index) });
      upstream.pipe(res);
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until check() is true (no fixed sleeps), failing after timeoutMs. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000, what = "condition") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}
