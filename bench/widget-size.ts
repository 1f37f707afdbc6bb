/**
 * Widget download sizes, gzip (level 9, as CDNs serve it). Builds the widget with the production config into a
 * temp dir and prints: the launcher path (what a page downloads before the help button shows: widget.js + app.js
 * and its static imports); everything a first-time visitor downloads (English, recorder included: every chunk but
 * the conversation chunk and translations); the extra conversation chunk for a visitor with conversations to
 * follow; all files. Budgets: 10 KB and 36 KB.
 *   npx tsx bench/widget-size.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { widgetBuildConfigs } from "../widget/build-config.js";

const BUDGET = { launcher: 10 * 1024, everything: 36 * 1024 };

const out = mkdtempSync(join(tmpdir(), "handoff-size-"));
try {
  for (const config of widgetBuildConfigs(out)) await build({ ...config, logLevel: "silent" });
  const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).byteLength;
  const chunks = readdirSync(out).filter((f) => f.endsWith(".js"));

  // The launcher path: widget.js, then app.js and whatever app.js imports statically (not import()).
  const launcher = new Set(["widget.js"]);
  const visit = (file: string) => {
    if (launcher.has(file) && file !== "widget.js") return;
    launcher.add(file);
    const code = readFileSync(join(out, file), "utf8");
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
  };
  visit("app.js");

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
  // Sanity: the first-visit set must not import the conversation chunk statically.
  for (const r of rows.filter((r) => !r.role || r.role === "launcher path"))
    for (const c of conversation)
      if (code(r.file).includes(`from"./${c}"`)) console.log(`WARNING: ${r.file} imports ${c} statically`);
  console.log(
    `\nlauncher path (before the help button shows): ${launcherBytes} B = ${verdict(launcherBytes, BUDGET.launcher)}`,
  );
  console.log(
    `everything a first-time visitor downloads (English, recorder included): ${firstVisit} B = ${verdict(firstVisit, BUDGET.everything)}`,
  );
  console.log(
    `  a visitor with conversations to follow also downloads: ${withConversations} B (total ${firstVisit + withConversations} B)`,
  );
  console.log(
    `  a page in another language adds its translation: at most ${biggestLocale} B (plus its conversation strings, if any)`,
  );
  console.log(`all files shipped (every translation): ${everything} B = ${(everything / 1024).toFixed(1)} KB gzip`);
  const esm = readdirSync(join(out, "esm")).filter((f) => f.endsWith(".js"));
  const esmTotal = esm.reduce((s, f) => s + gz(join("esm", f)), 0);
  console.log(`ESM entry (esm/, for bundlers): ${esmTotal} B gzip in ${esm.length} files`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
