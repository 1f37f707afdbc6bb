import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { adminCookie } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { form, hostPage, sendTicket, widgetPage } from "./widget-fixtures.js";

/** The app's own help button in its header, as apps with a help menu have; it shows the unread count itself. */
const OWN_BUTTON = `<header><button id="help" type="button">Support <span id="badge"></span></button></header>
  <script>
    window.unreadCounts = [];
    document.getElementById("help").onclick = function () { Handoff.open(); };
    window.addEventListener("load", function wait() {
      if (!window.Handoff || !Handoff.on) return setTimeout(wait, 20);
      Handoff.on("unread", function (n) { unreadCounts.push(n); document.getElementById("badge").textContent = n || ""; });
    });
  </script>`;

describe.skipIf(!HAS_BROWSER)("the page's own help button (data-launcher=false)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("no floating button; the page's button opens the form, gets focus back, and shows the unread replies", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, 'data-launcher="false"', OWN_BUTTON);
    await page.waitForFunction(() => !!document.getElementById("handoff-widget"));
    expect(await page.getByRole("button", { name: /^Help and support/ }).count()).toBe(0);

    await page.getByRole("button", { name: "Support" }).click();
    const { id } = await sendTicket(page, "Own button ticket");
    // The dialog sits in the corner, not above a launcher that is not there.
    const box = await form(page).boundingBox();
    const viewport = page.viewportSize()!;
    expect(viewport.height - (box!.y + box!.height)).toBeLessThan(40);
    await page.keyboard.press("Escape");
    await form(page).waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("help");

    const origin = new URL(server.url).origin;
    const reply = await fetch(`${server.url}/api/v1/tickets/${id}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: await adminCookie(server), Origin: origin },
      body: JSON.stringify({ body: "We found it: the export is fixed." }),
    });
    expect(reply.status).toBe(201);
    await expect.poll(() => page.locator("#badge").textContent(), { timeout: 20_000 }).toBe("1");

    // Reading the reply clears the count the page shows.
    await page.getByRole("button", { name: /^Support/ }).click();
    await form(page)
      .getByRole("button", { name: /Own button ticket.*1 unread reply/ })
      .click();
    await form(page).getByText("We found it: the export is fixed.").waitFor();
    await expect.poll(() => page.locator("#badge").textContent()).toBe("");
    expect(await page.evaluate(() => (window as unknown as { unreadCounts: number[] }).unreadCounts)).toEqual([1, 0]);
    expect(errors).toEqual([]);
    await close();
  });

  test("a Contact support button in the page's own modal <dialog>: the form opens usable on top, Esc closes only it", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(
      page,
      server,
      "",
      `<button id="pay" type="button">Pay</button>
      <dialog id="failed"><p>Payment failed.</p><button id="support" type="button">Contact support</button>
        <button id="dismiss" type="button">Dismiss</button></dialog>
      <script>
        pay.onclick = () => failed.showModal();
        support.onclick = () => Handoff.open();
        dismiss.onclick = () => failed.close();
      </script>`,
    );
    const launcher = page.getByRole("button", { name: /Help/ });
    // Not form(page): the page's own dialog is a dialog too.
    const widget = page.getByRole("dialog", { name: "Contact support" });
    await launcher.waitFor();
    await page.getByRole("button", { name: "Pay" }).click();
    await page.getByRole("button", { name: "Contact support" }).click();
    await widget.waitFor();
    // Focus went into the form, and a click on a field reaches it (not the page's inert backdrop).
    await expect
      .poll(() => page.evaluate(() => document.getElementById("handoff-widget")!.shadowRoot!.activeElement?.id))
      .toMatch(/^ho-/);
    await widget.getByLabel("Subject").click({ timeout: 5000 });
    await page.keyboard.type("Payment failed twice");
    expect(await widget.getByLabel("Subject").inputValue()).toBe("Payment failed twice");

    await page.keyboard.press("Escape");
    await widget.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => (document.getElementById("failed") as HTMLDialogElement).open)).toBe(true);
    // The launcher is inert behind the page's dialog: focus goes back to the button that opened the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("support");
    await page.getByRole("button", { name: "Dismiss" }).click();
    // The page's dialog is gone; the launcher is back, clickable, and the draft is still there.
    await launcher.click({ timeout: 5000 });
    await widget.waitFor();
    expect(await widget.getByLabel("Subject").inputValue()).toBe("Payment failed twice");
    expect(errors).toEqual([]);
    await close();
  });
});
