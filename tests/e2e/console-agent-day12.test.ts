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

  test("at 1024 px the queue's table fits: subjects readable, Created in view without scrolling sideways", async () => {
    await fileTicket(
      server,
      richTicket(Date.now() - 60_000, { email: "jordan.alexander-whitfield@northwind-logistics.example" }),
    );
    const { page, errors, close } = await newPage(browser, { viewport: { width: 1024, height: 768 } });
    await logIn(page, server);
    await page.locator(".ticket-table tbody tr").first().waitFor();
    const table = await page.evaluate(() => {
      const wrap = document.querySelector(".table-wrap") as HTMLElement;
      const width = (name: string) =>
        [...document.querySelectorAll(".ticket-table th")]
          .find((th) => th.textContent?.trim() === name)
          ?.getBoundingClientRect().width ?? 0;
      return { overflow: wrap.scrollWidth - wrap.clientWidth, subject: width("Subject") };
    });
    // Before: the 220 px navigation column left the table 754 px; it overflowed by ~165 px and the subject got 84.
    expect(table.overflow).toBeLessThanOrEqual(0);
    expect(table.subject).toBeGreaterThan(120);
    expect(errors).toEqual([]);
    await close();
  });

  test("a dropped connection while a ticket is open is not read as a failed upload, and goes once the server answers", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const { page, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    const panel = page.locator("section.attachments");
    await panel.getByText("No files yet.").waitFor();
    // The server restarting: the panel's next read of the list finds nobody there.
    const list = `**/api/v1/tickets/${ticket.id}/attachments`;
    await page.route(list, (route) => route.abort("connectionrefused"));
    await panel.getByText("Couldn't load the files").waitFor();
    expect(await panel.getByText("Not attached").count()).toBe(0);
    await page.unroute(list);
    // Before: "Not attached: Can't reach the Handoff server" stayed on the ticket for good, though nothing was attached.
    await panel.getByText("Couldn't load the files").waitFor({ state: "detached" });
    await panel.getByText("No files yet.").waitFor();
    await close();
  });
});
