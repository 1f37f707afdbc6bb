import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";
import { freePort, waitFor } from "../helpers/server-processes.js";
import { CUSTOMER_ORIGIN, ticketBody } from "../helpers/test-app.js";

const ADMIN = { email: "admin@example.com", password: "production password 1" };
const SITE_KEY = "pk_production_build";

/**
 * README "Deploy": `npm run build` then `npm run start:prod` runs the compiled server (dist/server), which must find
 * at run time every file the sources read next to them, with nothing of the source tree around it (the Dockerfile
 * copies dist/ only).
 */
describe("the compiled server (npm run build:server, start:prod)", () => {
  // The first test's data directory once its server stopped cleanly: the later ones start on it, as an installed
  // server restarts, instead of each running PGlite's initdb and the migrations again (a third of a start here).
  let installed: string | undefined;
  const dataDirFor = (prefix: string) => installed ?? mkdtempSync(join(tmpdir(), prefix));
  /** Keeps the installed directory after a clean run; one a test had to kill a server on is not started on again. */
  const release = (dataDir: string, clean: boolean) => {
    if (dataDir === installed && clean) return;
    if (dataDir === installed) installed = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  };
  afterAll(() => {
    if (installed) rmSync(installed, { recursive: true, force: true });
  });

  beforeAll(() => {
    // The build:server script's own steps, with its compile emitting without type-checking (--noCheck): the emitted
    // files are the same, and npm test type-checks the server (tsc --noEmit, a superset) before any test runs; the
    // check took two thirds of this build.
    const script: string = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts["build:server"];
    const TSC = "tsc -p tsconfig.server.json";
    expect(script).toContain(TSC);
    execFileSync("sh", ["-c", script.replace(TSC, `${TSC} --noCheck`)], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${ROOT}node_modules/.bin:${process.env.PATH}` },
      stdio: "ignore",
    });
  }, 180_000);

  it("triages a new ticket, and stops cleanly on SIGTERM", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "handoff-prod-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ["dist/server/server/main.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        HOST: "127.0.0.1",
        PORT: String(port),
        HANDOFF_DATA_DIR: dataDir,
        HANDOFF_DEMO: "0",
        HANDOFF_SITE_KEY: SITE_KEY,
        HANDOFF_ADMIN_PASSWORD: ADMIN.password,
        HANDOFF_ALLOWED_ORIGINS: CUSTOMER_ORIGIN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
          return fetch(`${url}/readyz`).then(
            (r) => r.ok,
            () => false,
          );
        },
        90_000,
        "/readyz",
      );

      const created = await fetch(`${url}/api/v1/widget/tickets`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: CUSTOMER_ORIGIN, "X-Handoff-Key": SITE_KEY },
        body: JSON.stringify(
          ticketBody({
            subject: "Charged twice",
            description: "My card was charged twice for the same invoice this month.",
            // No failed requests or console errors: the queue is the classifier's (the shipped prior), not a rule's.
            context: { clicks: [], navigation: [], console: [], network: [], metadata: {} },
          }),
        ),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: url },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const ticket = await (await fetch(`${url}/api/v1/tickets/${id}`, { headers: { Cookie: cookie } })).json();
      expect(ticket.triage, JSON.stringify(ticket)).not.toBeNull();
      expect(ticket.queue).toBe("billing");
      expect(output).not.toContain("could not be triaged");

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      installed = dataDir;
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      release(dataDir, dataDir === installed);
    }
  });

  // The README's one-shot move of bytea recordings, as an operator of the Docker image (dist/ only) runs it.
  it("runs migrate:blobs:prod from the compiled output", { timeout: 120_000 }, () => {
    const dataDir = dataDirFor("handoff-prod-migrate-");
    let clean = false;
    try {
      const output = execFileSync("npm", ["run", "-s", "migrate:blobs:prod"], {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: "warn", HANDOFF_DATA_DIR: dataDir },
        encoding: "utf8",
      });
      clean = true;
      expect(output).toMatch(/Moved 0 recordings \(0\.0 MB\) to fs/);
    } finally {
      release(dataDir, clean);
    }
  });

  // What a supervisor (systemd, a process manager) stops is `npm run start:prod` itself: node must get the signal.
  it("drains and exits when SIGTERM reaches npm run start:prod", { timeout: 120_000 }, async () => {
    const dataDir = dataDirFor("handoff-prod-npm-");
    let clean = false;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const npm = spawn("npm", ["run", "-s", "start:prod"], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: "info",
        HOST: "127.0.0.1",
        PORT: String(port),
        HANDOFF_DATA_DIR: dataDir,
        HANDOFF_DEMO: "0",
        HANDOFF_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk) => (output += chunk));
    npm.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm.once("exit", resolve));
    const serverPid = () => Number(output.match(/"pid":(\d+),"url"/)?.[1]);
    try {
      await waitFor(
        async () => {
          if (npm.exitCode !== null) throw new Error(`npm exited: ${output}`);
          return fetch(`${url}/readyz`).then(
            (r) => r.ok,
            () => false,
          );
        },
        90_000,
        "/readyz",
      );
      npm.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      // Nothing left answering on the port (an orphaned server would keep it, and the next start would fail).
      expect(
        await fetch(`${url}/healthz`).then(
          () => "answered",
          () => "closed",
        ),
      ).toBe("closed");
      clean = true;
    } finally {
      if (npm.exitCode === null) npm.kill("SIGKILL");
      if (serverPid()) {
        try {
          process.kill(serverPid(), "SIGKILL");
        } catch {
          // already gone
        }
      }
      release(dataDir, clean);
    }
  });
});
