import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: logging in and out", () => {
  let server: TestServer;
  let browser: Browser;
  let ticket: { id: string; reference: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    ticket = await fileTicket(server, richTicket(Date.now()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("wrong credentials keep the agent on the login form with a clear message", async () => {
    const { page, errors, close } = await newPage(browser);
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("Email").fill(server.admin.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Wrong email or password");
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Request ID: \S+/);
    expect(await page.getByRole("heading", { name: "Tickets" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("logging in shows the queue, and logging out returns to the login form", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor(); // the session cookie survives a reload

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Log in" }).waitFor(); // and the server forgot the session
    expect(errors).toEqual([]);
    await close();
  });

  test("the change-password form names the account, so a password manager saves the new password for it", async () => {
    const { page, errors, close } = await newPage(browser);
    // Chromium says so in the console of a form with a password field and no username field.
    const warnings: string[] = [];
    page.on("console", (m) => m.text().includes("Password forms should have") && warnings.push(m.text()));
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await page.getByRole("link", { name: "Account" }).click();
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("New password").waitFor();
    expect(await form.locator('input[autocomplete="username"]').inputValue()).toBe(server.admin.email);
    await page.reload();
    await form.getByLabel("New password").waitFor();
    expect(warnings).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test("a deep link to a ticket opens that ticket after logging in", async () => {
    const { page, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    expect(page.url()).toBe(`${server.url}/console/tickets/${ticket.id}`);
    await close();
  });

  test("when the session ends, the next request sends the agent back to the login form", async () => {
    const { page, close } = await newPage(browser);
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await page.context().clearCookies();
    // Any request ends it: a live event (the ticket's triage, on a slow box) may make the queue re-read before the
    // click, and then the login form is already there and Refresh is gone.
    const ended = page.getByText("Your session has ended");
    const refresh = page.getByRole("button", { name: "Refresh" });
    await Promise.race([refresh.click().catch(() => {}), ended.waitFor()]);
    await ended.waitFor();
    await page.getByLabel("Password").fill(server.admin.password);
    await page.getByLabel("Email").fill(server.admin.email);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await close();
  });
});
