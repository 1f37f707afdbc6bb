/**
 * Live updates (issue 15), one run:  tsx bench/live.ts   (DATABASE_URL=postgres://… to run on PostgreSQL)
 * 1. Reply-visible latency: an agent reply POSTed -> the customer's stream event -> the widget's updates fetch
 *    returns it (what the widget does), 200 replies: p50 / p99.
 * 2. 2,000 idle widget streams held by one server process (a child process): RSS and heap added, CPU while idle.
 * 3. Requests per minute from 100 visible widget pages with conversations: polling every 5 s (the old widget)
 *    vs the stream (one connection each, one updates fetch per pushed change), same replies in the same window.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = 3900 + Math.floor(Math.random() * 90);
const URL_ = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench password 123";
const IDLE = 2000;
const PAGES = 100;
const WINDOW_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), "handoff-bench-live-"));
const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    HANDOFF_DATA_DIR: join(dir, "db"),
    HANDOFF_ADMIN_PASSWORD: PASSWORD,
    HANDOFF_DEMO: "1", // its customers use the demo key
    HANDOFF_SSE_MAX_PER_ADDRESS: "10000",
    HANDOFF_SSE_CONNECTS_PER_MINUTE: "100000",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) =>
  child.stdout!.on("data", (d) => String(d).includes("Handoff is running") && resolve()),
);
const pid = child.pid!;
process.on("exit", () => child.kill("SIGTERM"));

const memory = () => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
};
const cpuMs = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};

const login = await fetch(`${URL_}/api/v1/auth/login`, {
  method: "POST",
  headers: { "Content-Type": "application/json", Origin: URL_ },
  body: JSON.stringify({ email: "admin@example.com", password: PASSWORD }),
});
const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
const widgetHeaders = (token: string) => ({ Origin: URL_, "X-Handoff-Key": "pk_demo", "X-Handoff-Customer": token });

async function fileTicket(token: string): Promise<string> {
  const res = await fetch(`${URL_}/api/v1/widget/tickets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...widgetHeaders(token) },
    body: JSON.stringify({
      email: "bench@example.com",
      subject: "Bench ticket",
      description: "Benchmarking live replies",
      pageUrl: "https://app.example/bench",
      context: { clicks: [], navigation: [], console: [], network: [], metadata: {} },
      recording: { included: false },
    }),
  });
  return ((await res.json()) as { id: string }).id;
}
async function reply(ticketId: string, body: string, attempt = 0): Promise<void> {
  // A keep-alive socket the server just closed (after the idle streams went away) fails once: retry.
  const res = await fetch(`${URL_}/api/v1/tickets/${ticketId}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: URL_, Cookie: cookie },
    body: JSON.stringify({ body, internal: false }),
  }).catch((error) => {
    if (attempt) throw error;
    return undefined;
  });
  if (!res) return reply(ticketId, body, attempt + 1);
  if (res.status !== 201) throw new Error(`reply: ${res.status}`);
}
async function updates(token: string, since?: string) {
  const res = await fetch(`${URL_}/api/v1/widget/updates${since ? `?since=${encodeURIComponent(since)}` : ""}`, {
    headers: widgetHeaders(token),
  });
  return (await res.json()) as { cursor: string; messages: { body: string }[] };
}

/** Opens a widget stream; calls onEvent for each data frame. Returns its close. */
async function openStream(token: string, onEvent: () => void): Promise<() => void> {
  const controller = new AbortController();
  const res = await fetch(`${URL_}/api/v1/widget/events`, { headers: widgetHeaders(token), signal: controller.signal });
  if (res.status !== 200) throw new Error(`stream: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (decoder.decode(value).includes("data:")) onEvent();
      }
    } catch {}
  })();
  return () => controller.abort();
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

// 1. Latency. Replies rotate over a few customers: one customer may fetch updates 120 times a minute.
{
  const customers = await Promise.all(
    [0, 1, 2, 3].map(async (n) => {
      const token = `bench-latency-token-00000${n}`;
      const ticketId = await fileTicket(token);
      const c = { token, ticketId, cursor: (await updates(token)).cursor, wake: undefined as (() => void) | undefined };
      // The same object the stream's callback reads wake from (a copy would never be woken).
      return Object.assign(c, { close: await openStream(token, () => c.wake?.()) });
    }),
  );
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const c = customers[i % customers.length]!;
    const text = `reply ${i}`;
    const started = performance.now();
    const woken = new Promise<void>((resolve) => (c.wake = resolve));
    await reply(c.ticketId, text);
    for (;;) {
      await woken;
      const u = await updates(c.token, c.cursor);
      c.cursor = u.cursor;
      if (u.messages.some((m) => m.body === text)) break;
    }
    samples.push(performance.now() - started);
  }
  const close = () => {
    for (const c of customers) c.close();
  };
  close();
  console.log(
    `reply visible in the widget (POST reply -> event -> updates fetch), ${samples.length} replies: ` +
      `p50 ${pct(samples, 50).toFixed(0)} ms, p99 ${pct(samples, 99).toFixed(0)} ms`,
  );
}

// 2. Idle connections.
{
  global.gc?.();
  await new Promise((r) => setTimeout(r, 1000));
  const before = memory();
  const opening = performance.now();
  const closes: (() => void)[] = [];
  for (let i = 0; i < IDLE; i += 50) {
    closes.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          openStream(`bench-idle-${String(i + j).padStart(6, "0")}-xxxxxxxx`, () => {}),
        ),
      )),
    );
  }
  // Each open takes its cap slots in the database (caps hold across processes): the connect cost.
  console.log(`opened ${IDLE} streams, 50 at a time, in ${(performance.now() - opening).toFixed(0)} ms`);
  await new Promise((r) => setTimeout(r, 3000));
  const after = memory();
  const cpuBefore = cpuMs();
  const idleMs = 20_000;
  await new Promise((r) => setTimeout(r, idleMs));
  const cpu = cpuMs() - cpuBefore;
  console.log(
    `${IDLE} idle SSE connections: server RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MB ` +
      `(+${(after - before).toFixed(0)} MB, ${(((after - before) * 1024) / IDLE).toFixed(1)} KB each); ` +
      `server CPU while idle ${((cpu / idleMs) * 100).toFixed(2)} % of one core over ${idleMs / 1000} s`,
  );
  for (const close of closes) close();
  await new Promise((r) => setTimeout(r, 2000));
}

// 3. Requests per minute, polling vs stream.
{
  const tokens = Array.from({ length: PAGES }, (_, i) => `bench-page-${String(i).padStart(4, "0")}-xxxxxxxxxx`);
  const REPLIES = 10;
  // Ticket creation is rate-limited per address (60/min): the replies go to ten of the pages' tickets; the other
  // pages follow (or poll) just the same.
  const tickets: string[] = [];
  for (const token of tokens.slice(0, REPLIES)) tickets.push(await fileTicket(token));
  async function replies() {
    for (let i = 0; i < REPLIES; i++) {
      await new Promise((r) => setTimeout(r, WINDOW_MS / (REPLIES + 1)));
      await reply(tickets[i]!, `window reply ${i}`);
    }
  }

  let polled = 0;
  const cursors = await Promise.all(tokens.map(async (t) => (await updates(t)).cursor));
  const timers = tokens.map((t, i) =>
    setInterval(async () => {
      polled++;
      cursors[i] = (await updates(t, cursors[i])).cursor;
    }, 5_000),
  );
  const start = Date.now();
  await Promise.all([replies(), new Promise((r) => setTimeout(r, WINDOW_MS))]);
  for (const timer of timers) clearInterval(timer);
  const pollingPerMin = (polled * 60_000) / (Date.now() - start);

  let streamed = 0;
  const closes = await Promise.all(
    tokens.map((t) =>
      openStream(t, () => {
        streamed++;
        void updates(t);
      }),
    ),
  );
  streamed += PAGES; // each page's stream request
  const start2 = Date.now();
  await Promise.all([replies(), new Promise((r) => setTimeout(r, WINDOW_MS))]);
  for (const close of closes) close();
  // A stream is recycled every 30 minutes: 1/30 of a reconnect per page and minute on top.
  const streamPerMin = ((streamed - PAGES) * 60_000) / (Date.now() - start2) + PAGES / 30;
  console.log(
    `${PAGES} visible widget pages, ${REPLIES} replies per ${WINDOW_MS / 1000} s: polling ${pollingPerMin.toFixed(0)} req/min, ` +
      `stream ${streamPerMin.toFixed(1)} req/min (${(pollingPerMin / streamPerMin).toFixed(0)}x fewer)`,
  );
}

child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
rmSync(dir, { recursive: true, force: true });
process.exit(0);
