import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, focused, logInByKeyboard, newPage, recordingEvents, richTicket } from "./console-fixtures.js";
import { createAgent } from "../helpers/agents.js";
import { agents } from "../../server/db/schema.js";
import { SHORTCUTS } from "../../console/src/keyboard/shortcuts.js";

const announced = (page: Page) => page.getByTestId("announcer").textContent();

/**
 * A day's flow without the mouse: open the queue, move with j/k, open a ticket with Enter, reply (r, Ctrl+Enter),
 * assign it to me (a), escalate through the handoff form (e), change the status (s), read the shortcuts (?), and go
 * back to the queue (Esc) with the same ticket selected. No click anywhere.
 */
describe.skipIf(!HAS_BROWSER)("console: a whole flow from the keyboard", () => {
  let server: TestServer;
  let browser: Browser;
  const sentAt = Date.now() - 60_000;
  let target: { id: string; reference: string };

  // One browser for the file (each test opens its own context). A server per attempt: CI's retry then starts from a
  // fresh server and the same two tickets, not from the first try's reply, assignment and escalation.
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await db.update(agents).set({ available: false }).where(eq(agents.workspaceId, workspaceId));
    await createAgent(db, { workspaceId, email: "sol@example.com", name: "Sol Tier2", tier: 2, skills: ["technical"] });
    // Same priority; the longest waiting comes first: "Invoice address fails" then the export ticket.
    await fileTicket(server, richTicket(sentAt, { subject: "Invoice address fails", email: "sam@contoso.example" }));
    target = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: 4 } }),
      recordingEvents(sentAt),
    );
  });
  afterEach(async () => {
    await server?.close();
  });

  test("queue -> ticket -> reply -> assign -> escalate -> status -> back, keys only", async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await logInByKeyboard(page, server);
      await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();

      // j/k move the selection; the selected row's link has focus and the row is marked.
      await page.keyboard.press("j");
      expect(await focused(page)).toBe("a:Invoice address fails");
      await page.keyboard.press("j");
      expect(await focused(page)).toBe("a:Export to CSV does nothing");
      await page.keyboard.press("k");
      expect(await focused(page)).toBe("a:Invoice address fails");
      await page.keyboard.press("j");
      expect(await page.locator("tr.is-selected").getAttribute("data-ticket-id")).toBe(target.id);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
      // The new screen's heading has focus and its name is announced.
      expect(await focused(page)).toBe("h1:Export to CSV does nothing");
      await expect.poll(() => announced(page)).toContain("Export to CSV does nothing");

      // The replay: → jumps to the next timeline marker (read out, highlighted); Space plays and pauses.
      await page.locator(".rr-player").waitFor();
      // Each marker is read out with its time in the recording; → goes later, ← comes back.
      const markerAt = async (before: string | null) => {
        await expect.poll(() => announced(page)).toMatch(/ at \d\d:\d\d: /);
        await expect.poll(() => announced(page)).not.toBe(before);
        const text = (await announced(page))!;
        const [, mm, ss] = / at (\d\d):(\d\d): /.exec(text)!;
        return { text, seconds: Number(mm) * 60 + Number(ss) };
      };
      await page.keyboard.press("ArrowRight");
      const first = await markerAt(null);
      await page.keyboard.press("ArrowRight");
      const second = await markerAt(first.text);
      expect(second.seconds).toBeGreaterThanOrEqual(first.seconds);
      await page.keyboard.press("ArrowLeft");
      const back = await markerAt(second.text);
      expect(back.seconds).toBeLessThanOrEqual(second.seconds);
      const play = page.locator(".rr-controller__btns > button").first();
      expect(await play.getAttribute("aria-label")).toBe("Play");
      await page.keyboard.press(" ");
      await expect.poll(() => play.getAttribute("aria-label")).toBe("Pause");
      await page.keyboard.press(" ");
      await expect.poll(() => play.getAttribute("aria-label")).toBe("Play");

      // r: the public reply. Letters typed there are text, not shortcuts (no escalation form, no status dialog).
      await page.keyboard.press("r");
      expect(await focused(page)).toBe("textarea:Reply to the customer");
      await page.keyboard.type("Thanks Jamie, we see the export error and are on it. Escalating to the team.");
      expect(await page.getByRole("form", { name: /^Escalate / }).count()).toBe(0);
      expect(await page.getByRole("dialog").count()).toBe(0);
      await page.keyboard.press("Control+Enter");
      const conversation = page.getByRole("region", { name: /^Conversation/ });
      await conversation.locator(".message--reply", { hasText: "we see the export error" }).waitFor();
      await expect.poll(() => announced(page)).toBe("Reply sent to the customer");
      // Esc leaves the field; focus stays in the conversation.
      await page.keyboard.press("Escape");
      expect(await focused(page)).toMatch(/^h2:Conversation/);

      // a: assigned to me (the Claim button goes away).
      await page.keyboard.press("a");
      await expect.poll(() => announced(page)).toBe("Assigned to you");
      await page.getByRole("button", { name: "Claim" }).waitFor({ state: "detached" });

      // e: the escalation form opens with focus in it; fill the handoff note with Tab and typing.
      await page.keyboard.press("e");
      const form = page.getByRole("form", { name: `Escalate ${target.reference}` });
      await form.waitFor();
      expect(await focused(page)).toBe("select:To tier");
      const tabTo = async (wanted: RegExp) => {
        for (let i = 0; i < 30 && !wanted.test(await focused(page)); i++) await page.keyboard.press("Tab");
        expect(await focused(page)).toMatch(wanted);
      };
      await tabTo(/^input:Step 1: action/);
      await page.keyboard.type("Asked Jamie to retry in another browser");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Same 500 from the export endpoint");
      await tabTo(/^textarea:What the customer wants to achieve/);
      await page.keyboard.type("Export the report before the board meeting");
      // The escalation's own reload of the handoffs is held: the live update of the same escalation reloads them
      // meanwhile (and cancels the held one). Focus must still land on the new handoff, not on the Escalate button.
      let held = false;
      await page.route(/\/escalations$/, async (route) => {
        if (route.request().method() === "GET" && !held) {
          held = true;
          await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        await route.continue().catch(() => {});
      });
      await tabTo(/^button:Escalate$/);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: /^Handoff: tier 1 .*→ tier 2/ }).waitFor();
      await expect.poll(() => announced(page)).toContain("Escalated");
      // Focus lands on the new handoff card, not at the top of the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("handoff"))).toBe(true);
      await expect.poll(() => page.locator(".ticket-header").textContent()).toContain("Escalated");

      // s: the status picker opens on the choices; ↓ and Enter pick one.
      await page.keyboard.press("s");
      const picker = page.getByRole("dialog", { name: "Change status" });
      await picker.waitFor();
      expect(await focused(page)).toBe("button:Open");
      await page.keyboard.press("ArrowDown");
      expect(await focused(page)).toBe("button:Pending");
      await page.keyboard.press("Enter");
      await picker.waitFor({ state: "hidden" });
      await expect.poll(() => announced(page)).toBe("Status: Pending");
      await expect
        .poll(() => page.getByRole("group", { name: "Ticket actions" }).getByLabel("Status").inputValue())
        .toBe("pending");

      // ?: the overlay lists every shortcut; Esc closes it and focus comes back.
      const focusBeforeOverlay = await focused(page);
      await page.keyboard.press("?");
      const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await overlay.waitFor();
      const listed = await overlay.locator(".shortcuts__row dd").allTextContents();
      expect(listed).toEqual(SHORTCUTS.flatMap((group) => group.keys.map((k) => k.does)));
      expect(listed.length).toBeGreaterThanOrEqual(15);
      await page.keyboard.press("Escape");
      await overlay.waitFor({ state: "hidden" });
      await expect.poll(() => focused(page)).toBe(focusBeforeOverlay);

      // Esc: back to the queue with this ticket still selected and focused.
      await page.keyboard.press("Escape");
      await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
      await expect.poll(() => focused(page)).toBe("a:Export to CSV does nothing");
      expect(await page.locator("tr.is-selected").getAttribute("data-ticket-id")).toBe(target.id);

      // A ticket that arrives while the queue is open shows up and is read out; the selection and focus stay put.
      await fileTicket(server, richTicket(Date.now(), { subject: "Login loops back", email: "lee@fabrikam.example" }));
      await expect.poll(() => announced(page), { timeout: 30_000 }).toBe("New ticket: Login loops back");
      await page.getByRole("link", { name: "Login loops back" }).waitFor();
      expect(await focused(page)).toBe("a:Export to CSV does nothing");

      // x picks rows for a bulk action; the bar (before the table, Shift+Tab away) acts on them and says how it went.
      const ticketById = (id: string) =>
        page.evaluate(async (t) => (await fetch(`/api/v1/tickets/${t}`)).json(), id) as Promise<{
          assigneeId: string | null;
          status: string;
        }>;
      const backTo = async (wanted: RegExp) => {
        for (let i = 0; i < 60 && !wanted.test(await focused(page)); i++) await page.keyboard.press("Shift+Tab");
        expect(await focused(page)).toMatch(wanted);
      };
      await page.keyboard.press("x");
      await expect.poll(() => announced(page)).toBe("1 selected");
      expect(await page.getByRole("checkbox", { name: `Select ${target.reference}` }).isChecked()).toBe(true);
      await page.keyboard.press("k");
      const other = (await page.locator("tr.is-selected").getAttribute("data-ticket-id"))!;
      expect(other).not.toBe(target.id);
      await page.keyboard.press("x");
      await expect.poll(() => announced(page)).toBe("2 selected");
      const bulk = page.getByRole("region", { name: "Bulk actions" });
      expect(await bulk.textContent()).toContain("2 selected");
      await backTo(/^button:Assign to me$/);
      await page.keyboard.press("Enter");
      await expect.poll(() => announced(page)).toBe("Assigned to you: 2 tickets");
      await bulk.waitFor({ state: "detached" });
      // Focus is back on the selected row.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest("tr")?.dataset.ticketId)).toBe(other);
      const me = (await ticketById(target.id)).assigneeId;
      expect(me).toBeTruthy();
      expect((await ticketById(other)).assigneeId).toBe(me);
      // x again, then the status: typing "r" in the select picks Resolved; Apply sets it.
      await page.keyboard.press("x");
      await expect.poll(() => announced(page)).toBe("1 selected");
      await backTo(/^select:Keep.*Resolved/);
      await page.keyboard.press("r");
      await backTo(/^select:Keep.*Resolved/); // still there: typing picked an option, it did not move focus
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("button:Apply");
      await page.keyboard.press("Enter");
      await expect.poll(() => announced(page)).toBe("Updated: 1 ticket");
      expect((await ticketById(other)).status).toBe("resolved");
      expect((await ticketById(target.id)).status).toBe("pending");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  test("search from the keyboard: Enter moves focus to the first result, so j/k move through results instead of typing", async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await logInByKeyboard(page, server);
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();
      const search = page.getByRole("searchbox", { name: "Search tickets" });

      // A row picked for a bulk action that the search hides is no longer picked: no "1 selected" bar for it.
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      expect(await focused(page)).toBe("a:Export to CSV does nothing");
      await page.keyboard.press("x");
      const bulk = page.getByRole("region", { name: "Bulk actions" });
      await bulk.waitFor();

      await page.keyboard.press("/");
      await page.keyboard.type("invoice");
      await page.keyboard.press("Enter");
      await expect.poll(() => focused(page)).toBe("a:Invoice address fails");
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor({ state: "detached" });
      expect(await bulk.count()).toBe(0);
      await page.keyboard.press("j");
      await page.keyboard.press("k");
      expect(await search.inputValue()).toBe("invoice");
      expect(await focused(page)).toBe("a:Invoice address fails");
      expect(await page.locator("tr.is-selected a").textContent()).toBe("Invoice address fails");

      // The same search again: nothing to load, focus goes back to its first result.
      await page.keyboard.press("/");
      await page.keyboard.press("Enter");
      await expect.poll(() => focused(page)).toBe("a:Invoice address fails");

      // Open a result and come back with Esc: the search is still applied, its row focused (not the whole queue).
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Invoice address fails" }).waitFor();
      await page.keyboard.press("Escape");
      await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
      await expect.poll(() => focused(page)).toBe("a:Invoice address fails");
      expect(new URL(page.url()).searchParams.get("q")).toBe("invoice");
      expect(await search.inputValue()).toBe("invoice");
      expect(await page.getByRole("link", { name: "Export to CSV does nothing" }).count()).toBe(0);
      // The ticket's "← Tickets" link goes back to the same search.
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "Invoice address fails" }).waitFor();
      await page.getByRole("link", { name: "← Tickets" }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("invoice");

      // A search that finds nothing keeps focus in the box, to change it.
      await page.keyboard.press("/");
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("nothing like this");
      await page.keyboard.press("Enter");
      await page.getByText("No tickets match these filters").waitFor();
      await page.keyboard.press("j");
      expect(await search.inputValue()).toBe("nothing like thisj");

      // The empty view's own way out, "Clear the filters", goes away with it: focus lands in the emptied box too.
      for (let i = 0; i < 20 && (await focused(page)) !== "a:Clear the filters"; i++) await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("a:Clear the filters");
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();
      expect(await focused(page)).toBe("input:Search tickets");
      expect(await search.inputValue()).toBe("");

      // The same from the filter bar's Clear filters button (focus is in the box already).
      await page.keyboard.type("nothing like this");
      await page.keyboard.press("Enter");
      await page.getByText("No tickets match these filters").waitFor();

      // Clear filters (Tab to it, Enter) goes away with the filters: focus lands in the emptied search box.
      for (let i = 0; i < 12 && (await focused(page)) !== "button:Clear filters"; i++) await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("button:Clear filters");
      await page.keyboard.press("Enter");
      await page.getByRole("link", { name: "Export to CSV does nothing" }).waitFor();
      expect(await focused(page)).toBe("input:Search tickets");
      expect(await search.inputValue()).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});
