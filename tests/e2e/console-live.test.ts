import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { CUSTOMER_HEADERS } from "../../shared/customer-api.js";
import { WIDGET_PATHS } from "../../shared/widget-paths.js";
import { ticketBody } from "../helpers/test-app.js";
import { adminCookie, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import type { Browser } from "playwright-core";

const CUSTOMER_TOKEN = "browser-token-live-console-1234";
const AGENT_B = { email: "bo@example.com", password: "bo's long password", name: "Bo Lindqvist" };

describe.skipIf(!HAS_BROWSER)("console: live queue and ticket", () => {
  let server: TestServer;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;
  const closers: (() => Promise<void>)[] = [];
  const streams: string[] = [];

  async function api(path: string, init: RequestInit & { headers?: Record<string, string> }) {
    const res = await fetch(`${server.url}${path}`, init);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  async function fileTicket(subject: string): Promise<{ id: string; reference: string }> {
    return api(WIDGET_PATHS.tickets, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: server.url,
        "X-Handoff-Key": "pk_demo",
        [CUSTOMER_HEADERS.customerToken]: CUSTOMER_TOKEN,
      },
      body: JSON.stringify(ticketBody({ subject, recording: { included: false } })),
    });
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const cookie = await adminCookie(server);
    await api("/api/v1/agents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
      body: JSON.stringify(AGENT_B),
    });
    const a = await newPage(browser);
    const b = await newPage(browser);
    closers.push(a.close, b.close);
    pageA = a.page;
    pageB = b.page;
    pageB.on("request", (r) => {
      if (r.url().includes(EVENTS_PATHS.agent)) streams.push(r.url());
    });
    await logIn(pageA, server);
    await logIn(pageB, { ...server, admin: AGENT_B } as TestServer);
    await pageB.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await browser?.close();
    await server?.close();
  });

  test("a new ticket appears in an open queue, and another agent's claim shows there, without a reload", async () => {
    const ticket = await fileTicket("Invoices page is blank");
    const rowB = pageB.locator("tbody tr", { hasText: ticket.reference });
    await rowB.waitFor();
    await expect.poll(() => rowB.locator("td").nth(6).textContent()).toBe("Unassigned");
    expect(streams.length).toBeGreaterThan(0);

    await pageA.goto(`${server.url}/console/tickets/${ticket.id}`);
    await pageA.getByRole("button", { name: "Claim" }).click();
    await expect.poll(() => rowB.locator("td").nth(6).textContent(), { timeout: 10_000 }).not.toBe("Unassigned");
  });

  test("a ticket filed after the queue was read but before the live stream connected still appears", async () => {
    const { page, close } = await newPage(browser);
    closers.push(close);
    // The stream is held until the ticket is filed: the gap a slow connection leaves between the first read and it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname === EVENTS_PATHS.agent,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await logIn(page, server);
    // Read: the earlier tests' tickets are listed.
    await page.locator("tbody tr").first().waitFor();
    const ticket = await fileTicket("Filed while the console was connecting");
    release();
    await page.locator("tbody tr", { hasText: ticket.reference }).waitFor({ timeout: 10_000 });
  });

  test("a customer's reply appears in the open ticket as it is sent", async () => {
    const ticket = await fileTicket("Export button does nothing");
    await pageB.goto(`${server.url}/console/tickets/${ticket.id}`);
    await pageB.getByRole("heading", { name: "Export button does nothing" }).waitFor();
    await api(WIDGET_PATHS.messages(ticket.id), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: server.url,
        [CUSTOMER_HEADERS.siteKey]: "pk_demo",
        [CUSTOMER_HEADERS.customerToken]: CUSTOMER_TOKEN,
      },
      body: JSON.stringify({ body: "It also fails in Firefox" }),
    });
    await pageB.getByText("It also fails in Firefox", { exact: true }).waitFor({ timeout: 10_000 });
  });
});
