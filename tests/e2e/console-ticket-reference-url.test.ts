import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Agents name tickets by reference ("can you look at HO-1?"): /console/tickets/HO-1, typed or pasted, opens it.
describe.skipIf(!HAS_BROWSER)("console: a ticket's address by its reference", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

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
