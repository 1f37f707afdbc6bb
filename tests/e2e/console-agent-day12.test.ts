import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { tickets } from "../../server/db/schema.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { agentCookie, fileTicket, focused, logIn, newPage, postAsAgent, richTicket } from "./console-fixtures.js";
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

  test("j on the queue's last row goes on into the next page, and Load more gives focus to its first row", async () => {
    // 60 low-priority tickets of one plan: a queue of its own longer than a page (50).
    const base = Date.now() - 3_600_000;
    await server.database.db.insert(tickets).values(
      Array.from({ length: 60 }, (_, i) => ({
        workspaceId: server.bootstrap.workspace.id,
        number: 1000 + i,
        reference: `HO-${1000 + i}`,
        subject: `Long queue ticket ${i + 1}`,
        description: "…",
        customerEmail: `many${i}@example.com`,
        identity: { plan: "longqueue" },
        pageUrl: "https://app.example/",
        context: { clicks: [], navigation: [], console: [], network: [], metadata: {} },
        createdAt: new Date(base + i * 1000),
        updatedAt: new Date(base + i * 1000),
      })),
    );
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/?plan=longqueue");
    await page.getByRole("link", { name: "Long queue ticket 50", exact: true }).waitFor();
    for (let i = 0; i < 50; i++) await page.keyboard.press("j");
    expect(await focused(page)).toBe("a:Long queue ticket 50");
    // Before: j stopped here without a word; the next 10 were reachable only by tabbing to Load more.
    await page.keyboard.press("j");
    await page.waitForFunction(() => document.activeElement?.textContent === "Long queue ticket 51");
    await page.keyboard.press("j");
    expect(await focused(page)).toBe("a:Long queue ticket 52");

    // Load more from the keyboard: focus went to the page's start with the button, disabled while it loaded.
    await page.goto(`${server.url}/console/?plan=longqueue`);
    await page.getByRole("link", { name: "Long queue ticket 50", exact: true }).waitFor();
    await page.getByRole("button", { name: "Load more" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.textContent === "Long queue ticket 51");
    await page.keyboard.press("j");
    expect(await focused(page)).toBe("a:Long queue ticket 52");
    expect(errors).toEqual([]);
    await close();
  });

  test("a reply over the message limit says so in the composer's words before sending, with how much is over", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Long answer needed" }));
    const { page, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Long answer needed" }).waitFor();
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/messages") && posts.push(r.url()));
    const reply = page.getByRole("textbox", { name: "Reply to the customer" });
    await reply.fill("x".repeat(9_500));
    await page.getByText("500 characters left").waitFor();
    await reply.fill("x".repeat(10_250));
    await page.getByText("250 characters over the limit of 10,000").waitFor();
    await reply.press("Control+Enter");
    // Before: sent, then refused as "1 field is invalid: body at most 10000 characters" (the API's field name).
    await page.getByText("This reply is 250 characters too long").waitFor();
    expect(posts).toEqual([]);
    expect(await reply.inputValue()).toHaveLength(10_250);
    await close();
  });

  test("a colleague's note or reply on the ticket an agent is writing on is read out, not only drawn", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Two agents, one ticket" }));
    const workspaceId = server.bootstrap.workspace.id;
    await createAgent(server.database.db, { workspaceId, email: "sol.day12@example.com", name: "Sol Tier2", tier: 2 });
    const sol = await agentCookie(server, { email: "sol.day12@example.com", password: AGENT_PASSWORD });
    const { page, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Two agents, one ticket" }).waitFor();
    await page.keyboard.press("r");
    await page.keyboard.type("Hello Jamie,");
    const path = `/api/v1/tickets/${ticket.id}/messages`;
    expect((await postAsAgent(server, sol, path, { body: "I'm taking this one", internal: true })).status).toBe(201);
    // Before: drawn in the thread, and silent for a screen-reader user (only the customer's messages were read).
    const announcer = page.getByTestId("announcer");
    await expect.poll(() => announcer.textContent()).toBe("Sol Tier2 added an internal note: I'm taking this one");
    expect((await postAsAgent(server, sol, path, { body: "Fixed on our side" })).status).toBe(201);
    await expect.poll(() => announcer.textContent()).toBe("Sol Tier2 replied to the customer: Fixed on our side");
    expect(await page.getByRole("textbox", { name: "Reply to the customer" }).inputValue()).toBe("Hello Jamie,");
    await close();
  });

  test("Refresh pressed from the keyboard on a slow connection keeps focus on Refresh", async () => {
    const { page, close } = await newPage(browser);
    await logIn(page, server);
    const refresh = page.getByRole("button", { name: "Refresh" });
    await refresh.waitFor();
    let reads = 0;
    await page.route("**/api/v1/tickets?*", async (route) => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await refresh.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => reads).toBeGreaterThan(0);
    // Before: the button was disabled while the queue loaded, and the keyboard fell to the page's start for good.
    expect(await focused(page)).toBe("button:Refresh");
    await page.waitForTimeout(900);
    expect(await focused(page)).toBe("button:Refresh");
    await close();
  });
});
