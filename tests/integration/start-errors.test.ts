import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";
import { freePort } from "../helpers/server-processes.js";
import { startS3, type TestS3 } from "../helpers/s3.js";

/** `npm start` (server/main.ts) with these settings: its exit code and everything it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, output });
    }),
  );
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

// The operator who mistyped a setting reads one line naming it, and the process exits 1: no stack trace.
describe("a start with a wrong setting", () => {
  it("LOG_LEVEL that pino does not know", async () => {
    const { code, output } = await start({ LOG_LEVEL: "verbose", HANDOFF_DATA_DIR: "/nonexistent/never-created" });
    expect(code).toBe(1);
    expect(output).toContain(
      'Handoff did not start: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
    );
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("DATABASE_URL where no PostgreSQL listens", async () => {
    const port = await freePort();
    const { code, output } = await start({ DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${port}/handoff` });
    expect(code).toBe(1);
    expect(output).toContain(
      `Handoff did not start: cannot use the PostgreSQL database at 127.0.0.1:${port}/handoff (DATABASE_URL): connect ECONNREFUSED`,
    );
    expect(output).not.toContain("s3cret");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!TEST_DATABASE_URL)("DATABASE_URL naming a database that does not exist", async () => {
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = "/handoff_no_such_database";
    const { code, output } = await start({ DATABASE_URL: url.toString() });
    expect(code).toBe(1);
    expect(output).toContain("Handoff did not start: cannot use the PostgreSQL database at");
    expect(output).toContain('database "handoff_no_such_database" does not exist');
    expect(output).not.toMatch(/\n\s+at /);
  });
});

// The operator who followed the README a step short: told what to do, in one line, not Node's loader stack.
describe("a start without what it needs", () => {
  it("HANDOFF_DATA_DIR where a file is in the way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handoff-data-file-"));
    try {
      writeFileSync(join(dir, "data"), "not a directory");
      const inside = await start({ HANDOFF_DATA_DIR: join(dir, "data", "handoff") });
      expect(inside.code).toBe(1);
      expect(inside.output).toContain(
        `Handoff did not start: the embedded database cannot be kept in ${join(dir, "data", "handoff")} (HANDOFF_DATA_DIR): a file is in the way of the directory`,
      );
      expect(inside.output).toContain("Point HANDOFF_DATA_DIR at a directory this process may write");
      expect(inside.output).not.toMatch(/\n\s+at /);
      const itself = await start({ HANDOFF_DATA_DIR: join(dir, "data") });
      expect(itself.output).toContain("(HANDOFF_DATA_DIR): a file is in the way of the directory");
      expect(itself.output).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm run start:prod (and migrate:blobs:prod) before npm run build", () => {
    // The scripts as package.json has them, run where there is no dist/ (a fresh checkout).
    const dir = mkdtempSync(join(tmpdir(), "handoff-unbuilt-"));
    try {
      const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts;
      for (const name of ["start:prod", "migrate:blobs:prod"]) {
        const run = spawnSync("sh", ["-c", scripts[name]], { cwd: dir, encoding: "utf8", timeout: 30_000 });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("there is no production build (dist/server/server/");
        expect(run.stderr).toContain("Run npm run build first");
        expect(run.stderr).not.toContain("MODULE_NOT_FOUND");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Object storage whose settings can never work: said at start, not as a 500 on every customer's upload.
describe("a start with a bucket that cannot be used", () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startS3("handoff-files");
  });
  afterAll(() => s3?.close());
  const withBucket = (settings: Partial<Record<string, string>>) => ({
    HANDOFF_DATA_DIR: mkdtempSync(join(tmpdir(), "handoff-bucket-")),
    HANDOFF_S3_ENDPOINT: s3.settings.endpoint!,
    HANDOFF_S3_FORCE_PATH_STYLE: "true",
    HANDOFF_S3_BUCKET: "handoff-files",
    HANDOFF_S3_ACCESS_KEY_ID: "S3RVER",
    HANDOFF_S3_SECRET_ACCESS_KEY: "S3RVER",
    ...settings,
  });

  it("a bucket that does not exist", async () => {
    const env = withBucket({ HANDOFF_S3_BUCKET: "handoff-typo" });
    const { code, output } = await start(env as Record<string, string>);
    rmSync(env.HANDOFF_DATA_DIR, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain(
      `Handoff did not start: the bucket "handoff-typo" at ${s3.settings.endpoint} does not exist (HANDOFF_S3_BUCKET)`,
    );
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("credentials the store refuses", async () => {
    const env = withBucket({ HANDOFF_S3_ACCESS_KEY_ID: "AKIAWRONG" });
    const { code, output } = await start(env as Record<string, string>);
    rmSync(env.HANDOFF_DATA_DIR, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain('the bucket "handoff-files" at');
    expect(output).toContain("refused the credentials (HTTP 403): check HANDOFF_S3_ACCESS_KEY_ID");
  });

  it("a bucket in another region (S3 answers 301 naming it)", async () => {
    const redirect = createServer((_, res) => res.writeHead(301, { "x-amz-bucket-region": "eu-west-1" }).end());
    await new Promise<void>((done) => redirect.listen(0, "127.0.0.1", done));
    const env = withBucket({ HANDOFF_S3_ENDPOINT: `http://127.0.0.1:${(redirect.address() as AddressInfo).port}` });
    const { code, output } = await start(env as Record<string, string>);
    redirect.close();
    rmSync(env.HANDOFF_DATA_DIR, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toContain("answered HTTP 301: it is in eu-west-1, not us-east-1 (HANDOFF_S3_REGION");
  });
});
