import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ticketBody } from "../helpers/test-app.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

// Links pasted from chat or bookmarks: queue links carry whatever was in them (a bad filter, a huge search), and
// agents name tickets by reference ("can you look at HO-1?"): /console/tickets/HO-1, typed or pasted, opens it.
describe.skipIf(!HAS_BROWSER)("console: the queue and tickets from the addresses agents paste", () => {
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

  test("/console/tickets/<reference> opens the ticket at its own address; an unknown one says not found", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Invoice total is wrong" }));
    await fileTicket(server, richTicket(Date.now() - 30_000, { subject: "Another one" }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.reference.toLowerCase()}`);
    await page.getByRole("heading", { level: 1, name: "Invoice total is wrong" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/tickets/${ticket.id}`);

    await page.goto(`${server.url}/console/tickets/HO-999`);
    await page.getByRole("heading", { level: 1, name: "Ticket not found" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
