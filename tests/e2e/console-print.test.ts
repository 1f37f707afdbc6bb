import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";

/** An agent prints a ticket (for the record, or for a colleague without the console). */
describe.skipIf(!HAS_BROWSER)("console: printing a ticket", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("in the dark theme: the ticket prints dark on white, without the console's navigation, actions or reply box", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Print me" }));
    const { page, errors, close } = await newPage(browser, { colorScheme: "dark" });
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Print me" }).waitFor();
    const description = page.getByRole("region", { name: "Description" });
    await description.waitFor();
    await page.emulateMedia({ media: "print", colorScheme: "dark" });

    for (const control of [
      page.getByRole("navigation", { name: "Console" }),
      page.getByRole("button", { name: "Log out" }),
      page.getByRole("button", { name: "Claim" }),
      page.getByRole("button", { name: /Escalate/ }),
      page.getByRole("button", { name: "Send reply" }),
    ])
      await expect.poll(() => control.isVisible()).toBe(false);
    expect(await description.isVisible()).toBe(true);
    expect(await page.getByRole("region", { name: "Conversation" }).isVisible()).toBe(true);

    // Paper is white: the text must be dark (the dark theme's light grey would print nearly invisible).
    const luminance = await description.evaluate((el) => {
      const [r, g, b] = (getComputedStyle(el).color.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    expect(luminance).toBeLessThan(0.3);
    expect(errors).toEqual([]);
    await close();
  });
});
