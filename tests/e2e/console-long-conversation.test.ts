import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { messages } from "../../server/db/schema.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: a long conversation", () => {
  let server: TestServer;
  let browser: Browser;
  let ticket: { id: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const start = Date.now() - 3_600_000;
    await server.database.db.insert(messages).values(
      Array.from({ length: 75 }, (_, i) => ({
        ticketId: ticket.id,
        authorType: "customer" as const,
        body: `Customer message number ${i + 1}`,
        createdAt: new Date(start + i * 1000),
      })),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("opens on its newest messages and shows the earlier ones on request", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    const list = page.locator(".conversation__list");
    await list.getByText("Customer message number 75", { exact: true }).waitFor();
    expect(await list.getByText("Customer message number 1", { exact: true }).count()).toBe(0);
    expect(await page.locator("#conversation-title").textContent()).toContain("50+");

    await page.getByRole("button", { name: "Show earlier messages" }).click();
    await list.getByText("Customer message number 1", { exact: true }).waitFor();
    expect(await list.locator("li").count()).toBe(75);
    expect(await page.getByRole("button", { name: "Show earlier messages" }).count()).toBe(0);
    // Still in order: the first message first.
    expect(await list.locator("li").first().textContent()).toContain("Customer message number 1");
    expect(errors).toEqual([]);
    await close();
  });
});
