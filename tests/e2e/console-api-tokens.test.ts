import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

describe.skipIf(!HAS_BROWSER)("console: API tokens in admin", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    ({ page, close } = await newPage(browser));
    await logIn(page, server, "/console/admin");
  });
  afterAll(async () => {
    await close?.();
    await browser?.close();
    await server?.close();
  });

  test("an admin creates a token, sees it once, a script uses it, and revoking it locks the script out", async () => {
    const section = page.locator("#api-tokens");
    await section.getByLabel("Token name").fill("Nightly sync");
    await section.getByRole("button", { name: "Create token" }).click();
    const token = (await section.locator("code.mono").textContent())!.trim();
    expect(token).toMatch(/^hot_/);
    const call = () => fetch(`${server.url}/api/v1/tickets`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);

    await section.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => section.locator("code.mono").count()).toBe(0);
    expect(await section.textContent()).not.toContain(token);
    await section.getByRole("button", { name: "Revoke Nightly sync" }).click();
    await section.getByText("revoked").waitFor();
    expect((await call()).status).toBe(401);
  });
});
