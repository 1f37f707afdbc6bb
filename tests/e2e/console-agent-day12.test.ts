import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { fileTicket, focused, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// A day of an agent at the keyboard (twelfth QA round): what they noticed, each case a fix.
describe.skipIf(!HAS_BROWSER)("console: an agent's day (12)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("a session that ends while a reply is written: the login form keeps the email, the keyboard is in Password", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    await page.keyboard.press("r");
    await page.keyboard.type("We found the cause and are fixing it.");
    await page.context().clearCookies();
    await page.keyboard.press("Control+Enter");
    await page.getByText("Your session has ended").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe(server.admin.email);
    expect(await focused(page)).toBe("input:Password");
    // Only the password is typed, then Enter: back on the ticket with the reply still written.
    await page.keyboard.type(server.admin.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    expect(await page.getByLabel("Reply to the customer").inputValue()).toBe("We found the cause and are fixing it.");
    expect(errors).toEqual([]);
    await close();
  });
});
