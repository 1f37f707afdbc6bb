import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type LaunchOptions, type Page, type Route } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { loadConfig, type Config } from "../../server/config.js";
import { startServer, type RunningServer } from "../../server/start.js";
import { REQUIRE_ALL } from "../helpers/databases.js";
import { ROOT, TEST_DIST } from "../helpers/paths.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Browser tests run when Chromium is installed; in CI (or with HANDOFF_REQUIRE_ALL=1) a missing one fails the run. */
export const HAS_BROWSER = existsSync(CHROMIUM);
if (!HAS_BROWSER) {
  if (REQUIRE_ALL)
    throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist (apt-get install -y chromium)`);
  console.warn(
    `[tests] ${CHROMIUM} not found: browser tests are skipped. Install it with: apt-get install -y chromium`,
  );
}

export const ADMIN = { email: "admin@example.com", password: "e2e password 123" };

export interface TestServer extends RunningServer {
  config: Config;
  admin: typeof ADMIN;
}

/**
 * The real server on a random port, a fresh in-memory PGlite database, the test build of the widget and console,
 * and the demo workspace (pk_demo) with an admin agent.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "handoff-e2e-"));
  const config: Config = {
    ...loadConfig({}, ROOT),
    // A helper sharing the machine may be given ports of its own: HANDOFF_TEST_PORT (else any free one).
    port: Number(process.env.HANDOFF_TEST_PORT) || 0,
    dataDir,
    distDir: TEST_DIST,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    ...overrides,
  };
  const running = await startServer(config, { inMemory: true, host: "127.0.0.1" });
  return {
    ...running,
    config,
    admin: ADMIN,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...options });
}

/** For a describe block: the test server and Chromium start before its tests (together) and close after them. */
export function useServerAndBrowser(
  ready: (server: TestServer, browser: Browser) => void,
  overrides: Partial<Config> = {},
): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(overrides), launchBrowser()]);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * A lost answer: the first POST to `url` reaches the server (which stores it), then the connection resets before its
 * answer comes back; later ones pass. Returns the Idempotency-Key of every POST, in order.
 */
export async function loseFirstAnswer(page: Page, url: string | RegExp): Promise<(string | undefined)[]> {
  const keys: (string | undefined)[] = [];
  await page.route(url, async (route: Route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length === 1) {
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  return keys;
}
