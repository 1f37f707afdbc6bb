/**
 * Widget download sizes. First on the wire, as a visitor's Chromium downloads them from the real server (CDP
 * encodedDataLength: compressed body plus response headers) on a page served from another origin: before the
 * launcher is on screen, everything a first visit downloads (recorder included), and a visitor with conversations to
 * follow; with brotli (what Chromium asks for) and with gzip only (the build's Zopfli copies). Then the files on
 * disk, gzip -9 (zlib), for comparison with earlier figures.
 * Budgets (issue #12, on the wire): 10 KB before the launcher, 36 KB first visit, 44 KB with conversations.
 *   npx tsx bench/widget-size.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { measureWire, startHostSite } from "../tests/e2e/widget-wire-fixtures.js";
import { BENCH_DIST, startBench } from "./bench-page.js";

const BUDGET = { launcher: 10 * 1024, everything: 36 * 1024, conversations: 44 * 1024 };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const check = (n: number, budget: number) =>
  `${n} B = ${kb(n)} (budget ${kb(budget)}: ${n <= budget ? "ok" : `OVER by ${n - budget} B`})`;

const bench = await startBench();
try {
  const site = await startHostSite(bench.server.url);
  console.log("On the wire (Chromium, page on another origin, response headers included):");
  for (const acceptEncoding of [undefined, "gzip"]) {
    const label = acceptEncoding ? "gzip only" : "brotli";
    const first = await measureWire(bench.browser, bench.server.url, site, { acceptEncoding });
    const following = await measureWire(bench.browser, bench.server.url, site, { acceptEncoding, following: true });
    console.log(`  ${label}:`);
    console.log(
      `    before the launcher shows (${first.beforeFiles.join(", ")}): ${check(first.beforeLauncher, BUDGET.launcher)}`,
    );
    console.log(`    first visit, recorder included: ${check(first.firstVisit, BUDGET.everything)}`);
    console.log(`    with conversations to follow: ${check(following.firstVisit, BUDGET.conversations)}`);
    if (!acceptEncoding) for (const f of following.files) console.log(`      ${f}`);
  }
  await site.close();
} finally {
  await bench.close();
}

console.log("\nOn disk, gzip -9:");
const out = join(BENCH_DIST, "widget");
{
  const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).byteLength;
  const chunks = readdirSync(out).filter((f) => f.endsWith(".js"));
  // The form chunk loads on intent (hover, focus, open) or to retry a saved ticket: not on a first visit. A thread's
  // files (ThreadAttachments) load when the customer opens that thread.
  const onIntent = (f: string) => /^(form|ThreadAttachments)-/.test(f);

  // The launcher path: widget.js, then the launcher chunk it imports (app-<hash>.js) and whatever that imports
  // statically (not import()).
  const launcher = new Set(["widget.js"]);
  const visit = (file: string) => {
    if (launcher.has(file)) return;
    launcher.add(file);
    const code = readFileSync(join(out, file), "utf8");
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
  };
  for (const m of readFileSync(join(out, "widget.js"), "utf8").matchAll(/["'`](app-[\w-]+\.js)["'`]/g)) visit(m[1]);

  // The conversation chunk (and what only it imports): downloaded only by visitors with something to follow.
  const code = (file: string) => readFileSync(join(out, file), "utf8");
  const conversation = chunks.filter((f) => /^conversation-/.test(f));
  // Translations are fetched only by pages in that language: an English page never downloads them.
  const isLocale = (f: string) =>
    /^[a-z]{2}(-[A-Z]{2})?(-conversation)?-[\w-]+\.js$/.test(f) && !/^(app|form)-/.test(f);

  const rows = chunks.map((f) => ({
    file: f,
    raw: readFileSync(join(out, f)).byteLength,
    gzip: gz(f),
    role: launcher.has(f)
      ? "launcher path"
      : onIntent(f)
        ? "on intent"
        : conversation.includes(f)
          ? "conversations only"
          : isLocale(f)
            ? "translation"
            : "",
  }));
  rows.sort((a, b) => b.gzip - a.gzip);
  for (const r of rows)
    console.log(
      `${r.file.padEnd(30)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(7)} B gzip${r.role ? `  (${r.role})` : ""}`,
    );
  const sum = (list: typeof rows) => list.reduce((s, r) => s + r.gzip, 0);
  const launcherBytes = sum(rows.filter((r) => launcher.has(r.file)));
  const firstVisit = sum(rows.filter((r) => !r.role || r.role === "launcher path"));
  const withConversations = sum(rows.filter((r) => r.role === "conversations only"));
  const everything = sum(rows);
  const biggestLocale = Math.max(0, ...rows.filter((r) => r.role === "translation").map((r) => r.gzip));
  const verdict = (n: number, budget: number) =>
    `${(n / 1024).toFixed(1)} KB gzip (budget ${budget / 1024} KB = ${budget} B: ${n <= budget ? "ok" : `OVER by ${n - budget} B`})`;
  // Sanity: the first-visit set must not import the conversation chunk statically, nor the conversation chunk the
  // form (a visitor with conversations would then download the form before any intent).
  const importsStatically = (from: string, to: string) => code(from).includes(`from"./${to}"`);
  for (const r of rows.filter((r) => !r.role || r.role === "launcher path"))
    for (const c of conversation)
      if (importsStatically(r.file, c)) console.log(`WARNING: ${r.file} imports ${c} statically`);
  for (const c of conversation)
    for (const f of chunks.filter(onIntent))
      if (importsStatically(c, f)) console.log(`WARNING: ${c} imports ${f} statically`);
  console.log(
    `\nlauncher path (before the help button shows): ${launcherBytes} B = ${verdict(launcherBytes, BUDGET.launcher)}`,
  );
  console.log(
    `everything a first-time visitor downloads (English, recorder included): ${firstVisit} B = ${verdict(firstVisit, BUDGET.everything)}`,
  );
  console.log(
    `  a visitor with conversations to follow also downloads (the conversation chunk; the form loads on intent): ${withConversations} B (total ${firstVisit + withConversations} B)`,
  );
  console.log(
    `  a page in another language adds its translation: at most ${biggestLocale} B (plus its conversation strings, if any)`,
  );
  console.log(`all files shipped (every translation): ${everything} B = ${(everything / 1024).toFixed(1)} KB gzip`);
  const esm = readdirSync(join(out, "esm")).filter((f) => f.endsWith(".js"));
  const esmTotal = esm.reduce((s, f) => s + gz(join("esm", f)), 0);
  console.log(`ESM entry (esm/, for bundlers): ${esmTotal} B gzip in ${esm.length} files`);
}
