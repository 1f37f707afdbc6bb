import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ticketBody } from "../helpers/test-app.js";
import { fileTicket, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

// Queue links pasted from chat or bookmarks carry whatever was in them: a bad filter or a huge search.
describe.skipIf(!HAS_BROWSER)("console: the queue from an unusual URL", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    for (const subject of ["Export hangs", "Invoice blank"]) {
      await fileTicket(server, ticketBody({ subject, description: subject, recording: { included: false } }));
    }
    ({ page, close } = await newPage(browser));
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    await close?.();
    await browser?.close();
    await server?.close();
  });

  test("?status=bogus and a 5,000-character search: the bad filter is ignored, the search still searches", async () => {
    const q = encodeURIComponent("hangs ".repeat(900));
    await page.goto(`${server.url}/console/?status=bogus&q=${q}`);
    await page.locator("tbody tr", { hasText: "Export hangs" }).waitFor();
    expect(await page.locator("tbody tr", { hasText: "Invoice blank" }).count()).toBe(0);
    const search = page.getByRole("searchbox", { name: "Search tickets" });
    expect((await search.inputValue()).length).toBeLessThanOrEqual(200);
    await search.fill("x".repeat(5000));
    expect((await search.inputValue()).length).toBe(200);
  });

  test("a search that matches nothing offers to clear the filters, keeping the status tab", async () => {
    await page.goto(`${server.url}/console/?status=open&q=nothing-like-this`);
    await page.getByText("No tickets match these filters").waitFor();
    expect(await page.getByText("Tickets your customers send from the widget").count()).toBe(0);
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await page.locator("tbody tr", { hasText: "Invoice blank" }).waitFor();
    expect(new URL(page.url()).search).toBe("?status=open");
  });
});
