import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, recordingEvents, richTicket } from "./console-fixtures.js";
import { type AxeFinding, seriousViolations } from "./console-axe.js";

/**
 * axe-core over every console screen and the states a test can reach (empty, loading, error, no recording, still
 * uploading, open forms and dialogs), in the light and the dark theme. Any serious or critical violation fails.
 */
describe.skipIf(!HAS_BROWSER)("console: axe finds no serious or critical violations", () => {
  let server: TestServer;
  let browser: Browser;
  const sentAt = Date.now() - 60_000;
  const tickets: Record<"replay" | "pending" | "none", { id: string; reference: string }> = {} as never;
  const found: Record<string, AxeFinding[]> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    tickets.none = await fileTicket(server, richTicket(sentAt, { subject: "Invoice address fails" }));
    tickets.pending = await fileTicket(
      server,
      richTicket(sentAt, { subject: "Dashboard stays blank", recording: { included: true, durationMs: 30_000 } }),
    );
    tickets.replay = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: 4 } }),
      recordingEvents(sentAt),
    );
  });
  afterAll(async () => {
    // The per-screen counts for the README note.
    console.log(
      `[axe] serious+critical per screen: ${Object.entries(found)
        .map(([screen, list]) => `${screen}=${list.length}`)
        .join(", ")}`,
    );
    await browser?.close();
    await server?.close();
  });

  async function check(page: Page, screen: string): Promise<void> {
    found[screen] = await seriousViolations(page);
  }

  async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
    await page.goto(`${server.url}/console/${path}`);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  }

  for (const scheme of ["light", "dark"] as const) {
    test(`every screen, ${scheme} theme`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/console/`);
        await page.getByLabel("Email").waitFor();
        await check(page, `${scheme}:login`);
        await logIn(page, server);
        await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
        await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();
        await check(page, `${scheme}:queue`);
        const pick = page.getByRole("checkbox", { name: /^Select / }).first();
        await pick.check();
        await page.getByRole("region", { name: "Bulk actions" }).waitFor();
        await check(page, `${scheme}:queue-bulk`);
        await pick.uncheck();
        await visit(page, "?q=nothing-matches-this", "Tickets");
        await page.getByText("No tickets match these filters").waitFor();
        await check(page, `${scheme}:queue-empty`);

        // Loading and error: the ticket list answers late, then with a server error.
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route("**/api/v1/tickets?*", async (route) => {
          await held;
          await route.fulfill({
            status: 500,
            contentType: "application/json",
            body: JSON.stringify({ error: { code: "internal", message: "Database unavailable", requestId: "r1" } }),
          });
        });
        await page.goto(`${server.url}/console/?status=open`);
        await page.getByText("Loading tickets…").waitFor();
        await check(page, `${scheme}:queue-loading`);
        release();
        await page.getByText("Couldn't load tickets").waitFor();
        await check(page, `${scheme}:queue-error`);
        await page.unroute("**/api/v1/tickets?*");

        await visit(page, `tickets/${tickets.replay.id}`, "Export to CSV does nothing");
        await page.locator(".rr-player").waitFor();
        await check(page, `${scheme}:ticket-replay`);
        await page.keyboard.press("?");
        await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
        await check(page, `${scheme}:shortcuts-overlay`);
        await page.keyboard.press("Escape");
        await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor({ state: "hidden" });
        await page.keyboard.press("s");
        await page.getByRole("dialog", { name: "Change status" }).waitFor();
        await check(page, `${scheme}:status-picker`);
        await page.keyboard.press("Escape");
        await page.getByRole("dialog", { name: "Change status" }).waitFor({ state: "hidden" });
        await page.getByRole("button", { name: "Escalate…" }).click();
        await page.getByRole("form", { name: `Escalate ${tickets.replay.reference}` }).waitFor();
        await check(page, `${scheme}:ticket-escalation-form`);
        await visit(page, `tickets/${tickets.pending.id}`, "Dashboard stays blank");
        await check(page, `${scheme}:ticket-uploading`);
        await visit(page, `tickets/${tickets.none.id}`, "Invoice address fails");
        await check(page, `${scheme}:ticket-no-recording`);
        await visit(page, "tickets/00000000-0000-4000-8000-000000000000", "Ticket not found");
        await check(page, `${scheme}:ticket-missing`);

        await visit(page, "matrix", "Escalation matrix");
        await check(page, `${scheme}:matrix`);
        await visit(page, "metrics", "Escalation metrics");
        await page.getByRole("link", { name: /Escalation rate/ }).waitFor();
        await check(page, `${scheme}:metrics`);
        await visit(page, "metrics/tickets?metric=escalated", /tickets/i);
        await check(page, `${scheme}:metric-tickets`);
        await visit(page, "account", /account/i);
        await check(page, `${scheme}:account`);
        await visit(page, "admin", "Admin");
        await check(page, `${scheme}:admin`);
        await visit(page, "nowhere", "Page not found");
        await check(page, `${scheme}:not-found`);
      } finally {
        await context.close();
      }
      const failing = Object.fromEntries(
        Object.entries(found).filter(([screen, list]) => screen.startsWith(scheme) && list.length),
      );
      expect(failing).toEqual({});
    }, 120_000);
  }

  test("at 640 px wide the queue and a ticket fit without sideways scrolling, and stay clean", async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 900 } });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    try {
      await logIn(page, server);
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await check(page, "narrow:queue");
      await visit(page, `tickets/${tickets.replay.id}`, "Export to CSV does nothing");
      await page.locator(".rr-player").waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await check(page, "narrow:ticket");
    } finally {
      await context.close();
    }
    expect({ queue: found["narrow:queue"], ticket: found["narrow:ticket"] }).toEqual({ queue: [], ticket: [] });
  }, 120_000);
});
