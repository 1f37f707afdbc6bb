import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/client.js";
import { DataDirInUseError } from "../../server/db/data-dir-lock.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { ROOT } from "../helpers/paths.js";

// Two PGlite instances on one directory both write to it and corrupt it (seen: `npm start` run twice, the second
// failing on the port only after it had opened and migrated the database; the next start aborted in PGlite).
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "handoff-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "data");
}

function spawnTsx(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return child;
}

function outputOf(child: ChildProcess): { text: () => string; exited: Promise<number | null> } {
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { text: () => text, exited };
}

async function notes(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const result = await database.db.execute(sql`select note from held order by note`);
    return rowsOf<{ note: string }>(result).map((r) => r.note);
  } finally {
    await database.close();
  }
}

describe("the embedded database's directory", () => {
  it("is refused to a second opener while the first has it, and free again once it closed", async () => {
    const dataDir = scratchDir();
    const first = await openDatabase({ dataDir });
    await first.db.execute(sql`create table held (note text not null)`);
    await first.db.execute(sql`insert into held (note) values ('kept')`);

    const second = await openDatabase({ dataDir }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(dataDir);

    await first.close();
    expect(await notes(dataDir)).toEqual(["kept"]);
  });

  it("is free again after its process was killed outright, with what it had written", async () => {
    const dataDir = scratchDir();
    const holder = spawnTsx(["tests/helpers/hold-data-dir.ts", dataDir, "before the crash"]);
    const output = outputOf(holder);
    await expect.poll(output.text, { timeout: 60_000 }).toContain("ready");
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);

    holder.kill("SIGKILL");
    await output.exited;
    expect(await notes(dataDir)).toEqual(["before the crash"]);
  });

  it("a second server on it stops at once with a message that says what to do", async () => {
    const dataDir = scratchDir();
    const first = await openDatabase({ dataDir });
    cleanups.push(() => first.close());
    const server = spawnTsx(["server/main.ts"], { HANDOFF_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const output = outputOf(server);
    expect(await output.exited).toBe(1);
    expect(output.text()).toContain(`Another Handoff process is using the embedded database in ${dataDir}`);
    expect(output.text()).toContain("HANDOFF_DATA_DIR");
    expect(output.text()).not.toMatch(/\n\s+at /);
  });
});
