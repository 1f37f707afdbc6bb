/**
 * Hostile recording uploads against a server started the README's way (tsx server/main.ts, embedded database):
 * 20 clients upload the worst bodies they can for `seconds` (default 20), retrying as soon as they are answered,
 * while /healthz is polled. Prints the server's idle and peak RSS (from /proc) and how each upload was answered.
 * Target: peak - idle < 250 MB, /healthz always answers.   npx tsx bench/hostile-uploads.ts [seconds=20]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { request } from "node:http";

const seconds = Number(process.argv[2] ?? 20);
const CLIENTS = 20;
const ORIGIN = "https://app.hostile.example";

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
  return line ? Number(line[1]) / 1024 : 0;
};

function start(): Promise<{ child: ChildProcess; url: string; siteKey: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "handoff-hostile-"));
  const child = spawn("node_modules/.bin/tsx", ["server/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      HANDOFF_DATA_DIR: dir,
      HANDOFF_ALLOWED_ORIGINS: ORIGIN,
      HOST: "127.0.0.1",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/Agent console:\s+(\S+)\/console\//)?.[1];
      const siteKey = out.match(/data-site-key="([^"]+)"/)?.[1];
      if (url && siteKey) resolve({ child, url, siteKey, dir });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** The worst bodies within the 20 MB compressed limit, each aimed at a different cost. */
function hostileBodies(): Record<string, Buffer> {
  const repeat = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
  return {
    // 512 MB of spaces in ~0.5 MB: inflating it all was the old failure.
    bomb: gzipSync(Buffer.alloc(512 * 1024 * 1024, 0x20), { level: 9 }),
    // One event made of millions of tiny arrays: JSON.parse would build an object per two bytes.
    tinyArrays: gzipSync(`[[${repeat("[],", 90 * 1024 * 1024)}[]]]`, { level: 9 }),
    // Nesting as deep as the text allows.
    deep: gzipSync(`[${"[".repeat(90 * 1024 * 1024)}`, { level: 9 }),
    // One string event of 90 MB.
    hugeString: gzipSync(`["${"a".repeat(90 * 1024 * 1024)}"]`, { level: 9 }),
    // A packed recording whose shapes header never ends.
    packedHeader: gzipSync(`{"format":"handoff-packed-1","shapes":[${repeat('["a"],', 90 * 1024 * 1024)}`),
  };
}

function put(target: string, body: Buffer, options: { token: string; localAddress: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "PUT",
        localAddress: options.localAddress,
        headers: { Origin: ORIGIN, Authorization: `Bearer ${options.token}`, "Content-Length": body.byteLength },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const { child, url, siteKey, dir } = await start();
const serverPid = findServer(child.pid!);
function findServer(root: number): number {
  // tsx -> node (the server, which also runs esbuild as a child): follow node processes down.
  let current = root;
  for (;;) {
    const kids = readFileSync(`/proc/${current}/task/${current}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const node = kids.map(Number).find((pid) => readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "node");
    if (!node) return current;
    current = node;
  }
}

const bodies = hostileBodies();
const tickets: { id: string; uploadToken: string }[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const res = await fetch(`${url}/api/v1/widget/tickets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN, "X-Handoff-Key": siteKey },
    body: JSON.stringify({
      email: `hostile${i}@example.com`,
      subject: "Upload",
      description: "Hostile upload bench",
      pageUrl: `${ORIGIN}/`,
      context: {},
      recording: { included: true, durationMs: 60_000, eventCount: 3 },
    }),
  });
  if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`);
  tickets.push((await res.json()) as { id: string; uploadToken: string });
}

// Idle: after startup and the tickets, once the heap has settled.
await new Promise((r) => setTimeout(r, 2000));
const idle = rssMb(serverPid);
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 25);
const health = { ok: 0, failed: 0, slowestMs: 0 };
const stopAt = Date.now() + seconds * 1000;
const healthLoop = (async () => {
  while (Date.now() < stopAt) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) health.ok++;
      else health.failed++;
    } catch {
      health.failed++;
    }
    health.slowestMs = Math.max(health.slowestMs, performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const statuses = new Map<string, number>();
const names = Object.keys(bodies);
await Promise.all(
  tickets.map(async (ticket, i) => {
    const name = names[i % names.length]!;
    while (Date.now() < stopAt) {
      let key: string;
      try {
        const status = await put(`${url}/api/v1/widget/tickets/${ticket.id}/recording`, bodies[name]!, {
          token: ticket.uploadToken,
          // Each client from its own loopback address, as from the internet: the per-address limit is not the one measured.
          localAddress: `127.0.0.${10 + i}`,
        });
        key = `${name} ${status}`;
      } catch (error) {
        key = `${name} connection error (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      }
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      // Like a client that wants its upload in: back off when told to (a hammering one only meets the rate limit).
      if (key.endsWith(" 429")) await new Promise((r) => setTimeout(r, 1000));
    }
  }),
);
await healthLoop;
clearInterval(sampler);

console.log(
  `hostile uploads: ${CLIENTS} clients for ${seconds} s, bodies ${names.map((n) => `${n} ${(bodies[n]!.byteLength / 1024 / 1024).toFixed(1)} MB`).join(", ")}`,
);
console.log(
  `server RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, growth ${(peak - idle).toFixed(0)} MB (target < 250)`,
);
console.log(`/healthz: ${health.ok} answered, ${health.failed} failed, slowest ${health.slowestMs.toFixed(0)} ms`);
for (const [key, count] of [...statuses].sort()) console.log(`  ${key}: ${count}`);
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
rmSync(dir, { recursive: true, force: true });
