import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { ESCALATION_PATHS } from "../../shared/index.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import {
  adminCookie,
  EXPORT_HANDOFF,
  fileTicket,
  logIn,
  newPage,
  postAsAgent,
  richTicket,
} from "./console-fixtures.js";

// No hyphen, the one place Chromium would break a URL on its own.
const URL_WORD = `https://app.northwind.example/reports/export?session=${"A1b2C3d4E5f6".repeat(10)}`;

/**
 * The ticket as it reads outside the console's usual screen: customers paste URLs as subjects and agents paste them
 * into handoff notes (one long word must not break the page), and agents print tickets (for the record, or for a
 * colleague without the console).
 */
describe.skipIf(!HAS_BROWSER)("console: a ticket with long unbroken words, and printed", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a URL as one ticket's subject: the queue still shows every column of every ticket without scrolling sideways", async () => {
    await fileTicket(server, richTicket(Date.now() - 60_000, { subject: `Queue ${URL_WORD}` }));
    await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Invoice total is wrong" }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server);
    const row = page.locator("tbody tr", { hasText: "Invoice total is wrong" });
    await row.waitFor();
    const viewport = page.viewportSize()?.width ?? 0;
    for (const header of ["Status", "Assignee", "Created"]) {
      const box = await page.getByRole("columnheader", { name: header }).boundingBox();
      expect(box && box.x + box.width <= viewport, `${header} is on screen`).toBe(true);
    }
    expect(errors).toEqual([]);
    await close();
  });

  test("a URL as the subject and in the handoff note: the ticket page does not scroll sideways and the note reads whole", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: URL_WORD }));
    const handoff = {
      ...EXPORT_HANDOFF,
      toTier: 2,
      summary: `Export fails at ${URL_WORD}`,
      attempted: [{ action: `Opened ${URL_WORD}`, result: "Same 500" }],
    };
    const res = await postAsAgent(server, await adminCookie(server), ESCALATION_PATHS.escalations(ticket.id), handoff);
    expect(res.status).toBe(201);

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: URL_WORD }).waitFor();
    const card = page.getByRole("region", { name: /Handoff: tier 1/ });
    await card.waitFor();

    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    // The card clips what overflows it: every line of the note must end inside the card.
    const clipped = await card.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      const out: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getBoundingClientRect().right > right) out.push(node.textContent ?? "");
      }
      return out;
    });
    expect(clipped).toEqual([]);
    expect(errors).toEqual([]);
    await close();
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

  test("the agent's theme beats the system's on screen, and a ticket still prints light when the agent picked dark", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000, { subject: "Themes" }));
    const { page, errors, close } = await newPage(browser, { colorScheme: "light" });
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Themes" }).waitFor();
    const lightness = (property: "color" | "background-color") =>
      page.evaluate((p) => {
        const [r, g, b] = (getComputedStyle(document.body).getPropertyValue(p).match(/\d+/g) ?? []).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      }, property);
    const theme = page.getByRole("combobox", { name: "Theme" });

    expect(await lightness("background-color")).toBeGreaterThan(0.7);
    await theme.selectOption("dark");
    await expect.poll(() => lightness("background-color")).toBeLessThan(0.2);
    expect(await lightness("color")).toBeGreaterThan(0.7);
    await page.emulateMedia({ media: "print" });
    expect(await lightness("color")).toBeLessThan(0.3);

    await page.emulateMedia({ media: "screen", colorScheme: "dark" });
    await theme.selectOption("light");
    await expect.poll(() => lightness("background-color")).toBeGreaterThan(0.7);
    await theme.selectOption("system");
    await expect.poll(() => lightness("background-color")).toBeLessThan(0.2);
    expect(errors).toEqual([]);
    await close();
  });
});
