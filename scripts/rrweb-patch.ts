/**
 * Ports our @rrweb/record patch to the installed rrweb (after an upgrade) or changes it:
 *   npx tsx scripts/rrweb-patch.ts edit   # .rrweb-patch/record.js = installed dist + the newest patch (3-way merge;
 *                                         # conflicts are marked in the file), .rrweb-patch/record.orig.js = pristine
 *   (edit .rrweb-patch/record.js until every conflict is resolved and the widget tests pass with it)
 *   npx tsx scripts/rrweb-patch.ts save   # writes patches/@rrweb+record+<installed version>.patch, removes older ones
 * The build (widget/build-rrweb-patch.ts) refuses to build with a patch that does not apply; see patches/README.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { installedRrwebVersion, rrwebPatchPath } from "../widget/build-rrweb-patch.js";
import { ROOT } from "./build.js";

const WORK = `${ROOT}.rrweb-patch`;
const TARGET = "node_modules/@rrweb/record/dist/record.js";
const PATCHES = `${ROOT}patches`;
const ours = () =>
  readdirSync(PATCHES)
    .filter((f) => /^@rrweb\+record\+.+\.patch$/.test(f))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

function edit() {
  const newest = ours().at(-1);
  if (!newest) throw new Error("no patches/@rrweb+record+*.patch to start from");
  mkdirSync(WORK, { recursive: true });
  copyFileSync(`${ROOT}${TARGET}`, `${WORK}/record.orig.js`);
  copyFileSync(`${ROOT}${TARGET}`, `${WORK}/record.js`);
  // --merge leaves conflict markers where a hunk no longer fits, instead of rejecting it silently into a .rej file.
  const result = spawnSync("patch", ["--merge", "-p4", `${WORK}/record.js`, `${PATCHES}/${newest}`], {
    encoding: "utf8",
  });
  process.stdout.write(result.stdout + result.stderr);
  console.log(
    result.status === 0
      ? `${newest} applied cleanly to rrweb ${installedRrwebVersion()}: run "save"`
      : `conflicts: resolve them in ${WORK}/record.js, then run "save"`,
  );
}

function save() {
  const edited = readFileSync(`${WORK}/record.js`, "utf8");
  if (/^(<{7}|>{7}|={7})/m.test(edited)) throw new Error("conflict markers left in .rrweb-patch/record.js");
  const version = installedRrwebVersion();
  // diff exits 1 when the files differ, which is the point.
  let body = "";
  try {
    execFileSync("diff", ["-u", `${WORK}/record.orig.js`, `${WORK}/record.js`], { encoding: "utf8" });
  } catch (error) {
    body = (error as { stdout: string }).stdout;
  }
  if (!body) throw new Error("the edited file is the same as the installed one");
  const hunks = body.slice(body.indexOf("\n@@") + 1);
  const header = `diff --git a/${TARGET} b/${TARGET}\n--- a/${TARGET}\n+++ b/${TARGET}\n`;
  for (const old of ours()) rmSync(`${PATCHES}/${old}`);
  writeFileSync(rrwebPatchPath(version), header + hunks);
  console.log(
    `wrote ${rrwebPatchPath(version)}; now build and run tests/unit/widget-slim-rrweb.test.ts and the e2e widget tests`,
  );
}

const command = process.argv[2];
if (command === "edit") edit();
else if (command === "save") save();
else console.log("usage: npx tsx scripts/rrweb-patch.ts edit|save");
