/**
 * Where a recorder's task time goes on the busy page (bench-page.ts): a Chromium trace (devtools.timeline) of the same
 * scripted activity as recorder-overhead.ts, for no recorder, rrweb with default options and Handoff, in rotating
 * order. Per variant (medians over the rounds): the main thread's top-level tasks (wall and thread CPU time, count,
 * over 50 ms), and their self time by kind: script per source (the page's, rrweb's, Handoff's chunks), style
 * recalculation and layout (those forced from script counted apart, with the script that forced them), paint, GC.
 * Thread CPU time (the trace's tdur) is what the box's other jobs inflate least; wall time is what a user feels.
 * Layouts and style recalculations inside script are counted as forced (none of the three forces any on this page).
 *   npx tsx bench/recorder-trace.ts [rounds=3] [seconds=5]
 */
import { actLikeAUser, median, openBusyPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const VARIANTS: Variant[] = ["none", "rrweb-defaults", "handoff"];
const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.stack",
  "v8.execute",
  "blink.user_timing",
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

type Figures = Record<string, number>;

const SCRIPT =
  /^(FunctionCall|EvaluateScript|v8\.compile|v8\.run|V8\.Execute|RunMicrotasks|TimerFire|FireIdleCallback|EventDispatch|FireAnimationFrame|v8\.callFunction|ParseHTML|v8\.evaluateModule)$/;
const GC = /GC|Scavenge|MarkCompact|Sweep/i;

/** The source a script event's time is charged to, from its own url or the nearest enclosing one's. */
function sourceOf(url: string | undefined): string {
  if (!url) return "";
  if (url.includes("/bench/rrweb.js")) return "rrweb";
  const file = url.split("/").pop() ?? "";
  if (url.includes("/widget")) return `handoff ${file.replace(/-[\w-]{6,}\.js$/, "").replace(/\.js$/, "")}`;
  if (url.includes("/bench/")) return "page";
  return "other";
}

function analyse(events: TraceEvent[]): Figures {
  // The page's renderer main thread: the CrRendererMain with the most complete events.
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  let main: TraceEvent | undefined;
  let most = -1;
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === "X").length;
    if (n > most) [main, most] = [t, n];
  }
  if (!main) throw new Error("no renderer main thread in the trace");
  const on = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: Figures = {};
  const add = (key: string, wall: number, cpu: number) => {
    out[`${key} wall`] = (out[`${key} wall`] ?? 0) + wall / 1000;
    out[`${key} cpu`] = (out[`${key} cpu`] ?? 0) + cpu / 1000;
  };
  const count = (key: string, n = 1) => (out[key] = (out[key] ?? 0) + n);
  // Nesting by time: each event's self time is its own minus its children's.
  interface Open {
    e: TraceEvent;
    end: number;
    childWall: number;
    childCpu: number;
    source: string;
    inScript: boolean;
  }
  const stack: Open[] = [];
  const close = (o: Open) => {
    const { e } = o;
    const wall = (e.dur ?? 0) - o.childWall;
    const cpu = (e.tdur ?? e.dur ?? 0) - o.childCpu;
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.childWall += e.dur ?? 0;
      parent.childCpu += e.tdur ?? e.dur ?? 0;
    }
    const name = e.name;
    let kind: string;
    if (name === "RunTask" || name === "ThreadControllerImpl::RunTask") kind = "task overhead";
    else if (name === "UpdateLayoutTree" || name === "RecalcStyles")
      kind = o.inScript ? `forced style (${o.source || "?"})` : "style";
    else if (name === "Layout") kind = o.inScript ? `forced layout (${o.source || "?"})` : "layout";
    else if (
      /^(Paint|PrePaint|PaintImage|Layerize|UpdateLayer|CompositeLayers|Commit|RasterTask|PaintSetup)$/.test(name)
    )
      kind = "paint+composite";
    else if (GC.test(name)) kind = "gc";
    else if (SCRIPT.test(name) || o.inScript) kind = `script ${o.source || "?"}`;
    else kind = "other";
    add(kind, wall, cpu);
  };
  for (const e of on) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    const top = !parent;
    if (top) {
      add("tasks", e.dur ?? 0, e.tdur ?? e.dur ?? 0);
      count("task count");
      if ((e.dur ?? 0) > 50_000) count("tasks over 50 ms");
    }
    const data = e.args?.data as { url?: string; type?: string; stackTrace?: { url: string }[] } | undefined;
    const own = sourceOf(data?.url ?? data?.stackTrace?.[0]?.url);
    const inScript = !!parent && (parent.inScript || SCRIPT.test(parent.e.name));
    if (e.name === "Layout") {
      count(inScript ? "forced layouts" : "layouts");
      // The same page work whatever records it: what a layout had to redo (a recorder changing it would show here).
      count("layout dirty objects", Number((e.args?.beginData as { dirtyObjects?: number })?.dirtyObjects ?? 0));
    }
    if (e.name === "UpdateLayoutTree") count(inScript ? "forced style recalcs" : "style recalcs");
    if (e.name === "EventDispatch" && data?.type) count(`events ${data.type}`);
    if (e.name === "TimerFire") count("timers fired");
    if (e.name === "FireIdleCallback") count("idle callbacks fired");
    stack.push({
      e,
      end: e.ts + (e.dur ?? 0),
      childWall: 0,
      childCpu: 0,
      source: own || parent?.source || "",
      inScript,
    });
  }
  while (stack.length) close(stack.pop()!);
  return out;
}

const bench = await startBench();
const results: Record<Variant, Figures[]> = { none: [], "rrweb-defaults": [], handoff: [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const variant of VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length])) {
      const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Performance.enable");
        await openBusyPage(page, bench.server, variant);
        await page.waitForTimeout(4000);
        const metrics = async () =>
          Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
        const chunks: string[] = [];
        cdp.on("Tracing.dataCollected", (e) => chunks.push(...e.value.map((v) => JSON.stringify(v))));
        const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
        await cdp.send("Tracing.start", {
          traceConfig: { includedCategories: CATEGORIES, excludedCategories: ["*"] },
          transferMode: "ReportEvents",
        });
        const before = await metrics();
        await actLikeAUser(page, seconds * 1000);
        const after = await metrics();
        await cdp.send("Tracing.end");
        await done;
        const figures = analyse(chunks.map((c) => JSON.parse(c)));
        for (const m of [
          "TaskDuration",
          "ScriptDuration",
          "ThreadTime",
          "LayoutDuration",
          "RecalcStyleDuration",
          "LayoutCount",
          "RecalcStyleCount",
        ])
          figures[`metric ${m}`] = (after[m] - before[m]) * (/Count/.test(m) ? 1 : 1000);
        results[variant].push(figures);
        console.log(
          `round ${round + 1} ${variant}: tasks ${figures["tasks wall"].toFixed(0)} ms wall / ${figures["tasks cpu"].toFixed(0)} ms cpu`,
        );
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await bench.close();
}
const keys = [...new Set(VARIANTS.flatMap((v) => results[v].flatMap((f) => Object.keys(f))))].sort();
console.log(`\nmedians over ${rounds} rounds of ${seconds} s (ms, or counts)`);
console.log(`${"".padEnd(44)}${VARIANTS.map((v) => v.padStart(16)).join("")}`);
for (const k of keys) {
  const cells = VARIANTS.map((v) => median(results[v].map((f) => f[k] ?? 0)));
  if (cells.every((c) => Math.abs(c) < 0.5)) continue;
  console.log(`${k.padEnd(44)}${cells.map((c) => c.toFixed(c < 10 ? 1 : 0).padStart(16)).join("")}`);
}
