import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { fileTicket, logIn, newPage, recordingEvents, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// The customer focused a button in their page: rrweb replays that focus, which pulled the agent's keyboard into the
// replay frame, and every console shortcut (Space to pause, e, Esc) stopped working until they clicked somewhere.
describe.skipIf(!HAS_BROWSER)("console: playing a replay keeps the keyboard in the console", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("past a recorded focus, Space still pauses and e still opens the handoff form", async () => {
    const sentAt = Date.now() - 60_000;
    const start = sentAt - 30_000;
    const events = recordingEvents(sentAt);
    // MouseInteraction (source 2) of type Focus (5) on the Export button (node 8), one second in.
    events.splice(2, 0, { type: 3, timestamp: start + 1_000, data: { source: 2, type: 5, id: 8 } });
    const ticket = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: events.length } }),
      events,
    );
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    await page.locator(".rr-player").waitFor();
    const play = page.locator(".rr-controller__btns > button").first();
    const clock = page.locator(".rr-timeline__time").first();

    await page.keyboard.press(" ");
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Pause");
    await expect.poll(async () => (await clock.textContent())?.trim(), { timeout: 15_000 }).not.toMatch(/^00:0[01]$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("IFRAME");
    await page.keyboard.press(" ");
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Play");
    await page.keyboard.press("e");
    await page.getByRole("form", { name: `Escalate ${ticket.reference}` }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
