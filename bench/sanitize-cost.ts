/**
 * What sanitizeEvent (widget/recorder/sanitize.ts) costs on a large page's full snapshot, in Node, against the recorder
 * at a git ref: the CRM list of bench/snapshot-cost.ts (2,000 rows with names, emails, mailto links, titles, buttons'
 * aria-labels, amounts; 200 paragraphs of notes) as rrweb serializes it, sanitized with the options the recorder
 * passes (patterns on, edges watched), each round in a fresh process (so the pattern cache starts empty; 300 other
 * rows first warm the code up). "first":
 * the page's first snapshot (the cache cannot answer); "again": the same snapshot once more (a checkout of an unchanged
 * page). Both versions run alternately, median of the rounds, in CPU time. Figures only: V8's regex engine is
 * Chromium's, the page's DOM work is not here.
 *   npx tsx bench/sanitize-cost.ts [ref=main] [rounds=15] [rows=2000]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { makeTextMasker, maskPatterns } from "../widget/capture/patterns.js";
import type { sanitizeEvent } from "../widget/recorder/sanitize.js";
import { ROOT } from "../tests/helpers/paths.js";

type Version = {
  sanitizeEvent: typeof sanitizeEvent;
  makeTextMasker: typeof makeTextMasker;
  maskPatterns: typeof maskPatterns;
};
const child = process.argv[2] === "--child";
const ref = child ? "" : (process.argv[2] ?? "main");
const rounds = Number(process.argv[3] ?? 15);
const rows = Number(process.argv[child ? 5 : 4] ?? 2000);

/** The widget's and shared code at `ref`, extracted into a directory of its own. */
function atRef(): string {
  const dir = `${ROOT}.tmp/bench-sanitize/${ref.replace(/\W/g, "_")}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${ref} widget shared | tar -x -C ${dir}`], { cwd: ROOT });
  return dir;
}

interface Node {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, string>;
  childNodes?: Node[];
  textContent?: string;
}

/** The snapshot of bench/snapshot-cost.ts's page; `round` names the addresses' domain (texts new to the cache). */
function snapshot(round: number, rows: number): { type: number; data: { node: Node } } {
  let id = 1;
  const text = (textContent: string): Node => ({ type: 3, id: id++, textContent });
  const el = (tagName: string, attributes: Record<string, string>, ...childNodes: Node[]): Node => ({
    type: 2,
    id: id++,
    tagName,
    attributes,
    childNodes,
  });
  const first = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Inés", "Jonas"];
  const last = ["Silva", "Okafor", "Martin", "Ivanov", "Novak", "Haddad", "Lee", "Tanaka", "García", "Berg"];
  const trs: Node[] = [];
  for (let r = 0; r < rows; r++) {
    const i = r;
    const f = first[i % 10];
    const l = last[(i * 7) % 10];
    const email = `${f.toLowerCase()}.${l.toLowerCase()}${i}@example-${round}.com`;
    trs.push(
      el(
        "tr",
        {},
        el("td", {}, text(`${f} ${l}`)),
        el("td", {}, el("a", { href: `mailto:${email}` }, text(email))),
        el("td", { title: `Company ${i}` }, text(`Company ${i} GmbH`)),
        el("td", {}, text(i % 3 ? "Team" : "Enterprise")),
        el("td", {}, text(`€${(i * 37) % 5000}.00`)),
        el("td", {}, text(`Owner ${i % 12}`)),
        el("td", {}, el("button", { "aria-label": `Edit ${f} ${l}` }, text("Edit"))),
      ),
    );
  }
  const notes: Node[] = [];
  for (let i = 0; i < 200; i++)
    notes.push(
      el(
        "p",
        {},
        text(
          `Meeting notes ${i}: the customer asked about invoices, SSO and the export of their reports; follow up next week with the renewal quote and the onboarding plan for the new team.`,
        ),
      ),
    );
  const heads = ["Name", "Email", "Company", "Plan", "MRR", "Owner", ""].map((h) => el("th", {}, text(h)));
  const body = el(
    "body",
    {},
    el("script", {}, text("SCRIPT_PLACEHOLDER")),
    el("h1", {}, text("Contacts")),
    el("table", {}, el("thead", {}, el("tr", {}, ...heads)), el("tbody", { id: "rows" }, ...trs)),
    el("article", { id: "notes" }, ...notes),
  );
  const html = el("html", { lang: "en" }, el("head", {}, el("title", {}, text("Contacts"))), body);
  return { type: 2, data: { node: { type: 0, id: 0, childNodes: [html] } as Node } };
}

/**
 * One full snapshot through `sanitizeEvent` with the recorder's options: ms of CPU (the process's, which on a shared
 * box is steadier than the wall clock; V8's GC threads count too).
 */
function time(version: Version, event: ReturnType<typeof snapshot>): number {
  const onMasked = () => undefined;
  const mask = version.makeTextMasker({ all: false, patterns: true }, onMasked);
  const patterns = (t: string) => version.maskPatterns(t, onMasked);
  const found: unknown[] = [];
  const started = process.cpuUsage();
  version.sanitizeEvent(
    event,
    () => false,
    mask,
    () => false,
    {
      patterns,
      atEdge: (...f) => found.push(f),
    },
  );
  const spent = process.cpuUsage(started);
  return (spent.user + spent.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (process.argv[2] === "--child") {
  // One round of one version: node --import tsx bench/sanitize-cost.ts --child <widget dir> <round> <rows>
  const dir = process.argv[3];
  const sanitize = await import(`${dir}/widget/recorder/sanitize.ts`);
  const patterns = await import(`${dir}/widget/capture/patterns.ts`);
  const version: Version = { sanitizeEvent: sanitize.sanitizeEvent, ...patterns };
  const round = Number(process.argv[4]);
  time(version, snapshot(round + 1000, 300)); // warms the code up (and leaves room in the cache: 300 rows)
  console.log(
    JSON.stringify({ first: time(version, snapshot(round, rows)), again: time(version, snapshot(round, rows)) }),
  );
  process.exit(0);
}

const dirs = { [ref]: atRef(), "this tree": ROOT.replace(/\/$/, "") };
const results = Object.fromEntries(Object.keys(dirs).map((k) => [k, { first: [] as number[], again: [] as number[] }]));
for (let round = 0; round < rounds; round++) {
  const names = Object.keys(dirs);
  for (const name of round % 2 ? names.reverse() : names) {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", import.meta.filename, "--child", dirs[name], String(round), String(rows)],
      { cwd: ROOT, encoding: "utf8" },
    );
    const r = JSON.parse(out.trim().split("\n").pop() as string) as { first: number; again: number };
    results[name].first.push(r.first);
    results[name].again.push(r.again);
  }
}
console.log(
  `sanitizeEvent on a full snapshot of ${rows} rows + 200 paragraphs, CPU ms, median of ${rounds} rounds (Node ${process.version}):`,
);
for (const [name, r] of Object.entries(results))
  console.log(
    `  ${name.padEnd(10)} first ${median(r.first).toFixed(1)} ms (min ${Math.min(...r.first).toFixed(1)}), again ${median(r.again).toFixed(1)} ms (min ${Math.min(...r.again).toFixed(1)})`,
  );
