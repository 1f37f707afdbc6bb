import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { HAS_BROWSER } from "./harness.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";
import {
  fillForm,
  form,
  openWidget,
  sendTicket,
  storedRecording,
  ticketsWithSubject,
  waitForRecorder,
} from "./widget-fixtures.js";

/** The widget's element that has the keyboard's focus ("" when the focus left the widget for the page). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.getElementById("handoff-widget")?.shadowRoot?.activeElement;
    return active && document.activeElement?.id === "handoff-widget"
      ? `${active.tagName.toLowerCase()}#${active.id}`
      : "";
  });

/**
 * A customer on someone else's site (a host page on another origin) on day thirteen of QA: an app with its own
 * keyboard shortcuts, a modal library that keeps the focus in its modal, and a network that stalls.
 */
describe.skipIf(!HAS_BROWSER)("widget: a customer on a third-party page (day thirteen)", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  test("an app with its own shortcuts ('/' focuses its search, '?' opens its help): typed in the widget, they stay text", async () => {
    // The usual guard of a hand-written shortcut handler: not while typing in a field. Inside the widget's shadow
    // root, the page sees the event on the widget's host (a div), so the guard lets it through.
    const body = `<h1>Issues</h1><input id="search" aria-label="Search issues"><div id="help" hidden>Keyboard shortcuts</div>
      <script>
        document.addEventListener("keydown", (e) => {
          if (e.target.closest("input, textarea, select, [contenteditable]")) return;
          if (e.key === "/") { e.preventDefault(); document.getElementById("search").focus(); }
          if (e.key === "?") document.getElementById("help").hidden = false;
        });
      </script>`;
    const { page, errors, close } = await site.open("/shortcuts", { body });
    await openWidget(page);
    const subject = form(page).getByLabel("Subject");
    await subject.click();
    await page.keyboard.type("Import / export fails? Again");
    // was "Import " in the subject, "export fails? Again" in the page's search box and its help shown
    expect(await subject.inputValue()).toBe("Import / export fails? Again");
    expect(await page.locator("#search").inputValue()).toBe("");
    expect(await page.locator("#help").isHidden()).toBe(true);
    expect(await focused(page)).toBe("input#ho-subject");
    expect(errors).toEqual([]);
    await close();
  });

  test("'Contact support' in the app's modal that keeps the focus in it and hides the rest: the form is read and typed into", async () => {
    // A modal as libraries do it: the rest of the page hidden from screen readers (aria-hidden, as MUI's and the
    // aria-hidden package's hideOthers do) and a focus trap (focus-trap's in the capture phase, MUI's in the bubble
    // phase) that puts a focus landing outside the modal back on the last element focused in it.
    const body = `<h1>Billing</h1><button id="pay" type="button">Pay</button>
      <div id="modal" role="dialog" aria-modal="true" aria-label="Payment failed" hidden><p>Payment failed.</p>
        <button id="support" type="button">Contact support</button><button type="button">Retry</button></div>
      <script>
        const modal = document.getElementById("modal");
        let last = document.getElementById("support");
        const trap = (e) => (modal.contains(e.composedPath()[0]) ? (last = e.composedPath()[0]) : last.focus());
        document.getElementById("pay").onclick = () => {
          modal.hidden = false;
          for (const el of document.body.children) if (el !== modal && el.tagName !== "SCRIPT") el.setAttribute("aria-hidden", "true");
          document.addEventListener("focusin", trap, true);
          document.addEventListener("focusin", (e) => modal.contains(e.target) || last.focus());
          last.focus();
        };
        last.onclick = () => Handoff.open();
      </script>`;
    const { page, errors, close } = await site.open("/trap", { body });
    await page.getByRole("button", { name: /Help/ }).waitFor();
    await page.getByRole("button", { name: "Pay" }).click();
    await page.getByRole("button", { name: "Contact support" }).click();
    // was: no such dialog for a screen reader (inside the page's aria-hidden), and the focus taken straight back
    const widget = page.getByRole("dialog", { name: "Contact support" });
    await widget.waitFor();
    await expect.poll(() => focused(page)).toBe("input#ho-email");
    await widget.getByLabel("Subject").click();
    await page.keyboard.type("Card declined");
    expect(await widget.getByLabel("Subject").inputValue()).toBe("Card declined");
    await page.keyboard.press("Escape");
    await widget.waitFor({ state: "hidden" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("support");
    expect(errors).toEqual([]);
    await close();
  });

  test("sending on a network that stalls (no answer ever comes): the customer is told it is saved, and it goes out once", {
    timeout: 90_000,
  }, async () => {
    const { page, errors, close } = await site.open("/stall", {});
    const tickets = `${site.server.url.replace(/\/$/, "")}/api/v1/widget/tickets`;
    // The ticket's request leaves and no answer ever comes (a proxy that holds it, a train in a tunnel).
    await page.route(tickets, () => {});
    await openWidget(page);
    await fillForm(page, "Invoices stuck on a stalled network");
    await form(page).getByRole("button", { name: "Send" }).click();
    // was "Sending…" on a disabled button for good, with nothing to say what was happening
    await form(page).getByRole("heading", { name: "Message saved" }).waitFor({ timeout: 30_000 });
    await page.unroute(tickets);
    await page.reload();
    await expect
      .poll(() => ticketsWithSubject(site.server, "Invoices stuck on a stalled network"), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("a reply sent on a network that stalls: the customer is told, the words stay, and Send again posts it once", {
    timeout: 90_000,
  }, async () => {
    const { page, errors, close } = await site.open("/stall-reply", {});
    await openWidget(page);
    const { id } = await sendTicket(page, "Reply on a stalled network");
    await form(page).getByRole("button", { name: "View conversation" }).click();
    const reply = form(page).getByLabel("Your reply");
    await reply.waitFor();
    const messages = `${site.server.url.replace(/\/$/, "")}/api/v1/widget/tickets/${id}/messages`;
    // The reply's request leaves and no answer ever comes; reading the thread still works.
    await page.route(messages, (route) => (route.request().method() === "POST" ? undefined : route.continue()));
    await reply.fill("Still broken after the update");
    await form(page).getByRole("button", { name: "Send reply" }).click();
    // was "Sending…" on a disabled button for good
    await form(page).getByRole("alert").getByText("We couldn't reach support.", { exact: false }).waitFor({
      timeout: 30_000,
    });
    expect(await reply.inputValue()).toBe("Still broken after the update");
    await page.unroute(messages);
    await form(page).getByRole("button", { name: "Send reply" }).click();
    await form(page).locator("li", { hasText: "Still broken after the update" }).waitFor();
    expect(await reply.inputValue()).toBe("");
    await page.waitForTimeout(1_000);
    expect(await form(page).locator("li", { hasText: "Still broken after the update" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("a single-page app that replaces its <body> while the customer types: the words go on into the same field", async () => {
    const { page, errors, close } = await site.open("/spa", { body: "<main><h1>Inbox</h1></main>" });
    await openWidget(page);
    const description = form(page).getByLabel("Description");
    await description.click();
    await page.keyboard.type("The export");
    // The app renders its next route: a new <body> (Turbo), then its children rewritten (innerHTML).
    await page.evaluate(() =>
      document.body.replaceWith(
        Object.assign(document.createElement("body"), { innerHTML: "<main><h1>Reports</h1></main>" }),
      ),
    );
    await page.keyboard.type(" fails");
    await page.evaluate(() => (document.body.innerHTML = "<main><h1>Settings</h1></main>"));
    await page.keyboard.type(" every time");
    // was "The export": the field lost the keyboard with the old body, and the rest went to the page
    expect(await description.inputValue()).toBe("The export fails every time");
    expect(await focused(page)).toBe("textarea#ho-description");
    expect(errors).toEqual([]);
    await close();
  });

  test("the recording's upload stalls after the ticket is made: the customer is told it will follow, and it does", {
    timeout: 120_000,
  }, async () => {
    const { page, errors, close } = await site.open("/stall-recording", {});
    const recordings = /\/api\/v1\/widget\/tickets\/[^/]+\/recording$/;
    await page.route(recordings, () => {});
    await waitForRecorder(page);
    await openWidget(page);
    const { id } = await sendTicket(page, "Recording on a stalled network");
    // was "Uploading recording… 100 %" for good
    await form(page)
      .getByText("The recording is saved and will be attached automatically.")
      .waitFor({ timeout: 40_000 });
    await page.unroute(recordings);
    await page.reload();
    await expect
      .poll(async () => (await storedRecording(site.server, id).catch(() => [])).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });
});
