import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { adminCookie } from "./console-fixtures.js";
import {
  form,
  hostPage,
  previewText,
  sendTicket,
  storedRecording,
  ticketRequest,
  widgetPage,
} from "./widget-fixtures.js";

/** A host page of our own (served through request interception) with a customised script tag. */
async function tagPage(page: Page, server: TestServer, attributes: string, body: string) {
  const url = `${server.url}/demo/host-page`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>${body}
        <script src="/widget.js" data-site-key="pk_demo" ${attributes} async></script></body></html>`,
    }),
  );
  await page.goto(url);
}

const FORM = `
  <label for="company">Company</label><input id="company" name="company">
  <label for="pw">Password</label><input id="pw" type="password" name="pw">
  <button id="toggle" type="button" onclick="pw.type = pw.type === 'password' ? 'text' : 'password'">Show</button>
  <label for="cc">Card</label><input id="cc" autocomplete="cc-number">
  <p data-handoff-mask>Account owner: Jamie Rivera</p>
  <div data-handoff-block>Internal notes: VIP customer</div>`;

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

describe.skipIf(!HAS_BROWSER)("widget options on a host page; the page's own help button (data-launcher=false)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("with data-mask-inputs=false typed text is recorded, but passwords (even shown as text), card numbers and marked elements are not", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await tagPage(page, server, 'data-mask-inputs="false"', FORM);
    await page.getByRole("button", { name: /Help/ }).click();
    // wait for the recorder (loaded once the page is idle) before typing, so typing is recorded as input events
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);
    await page.keyboard.press("Escape");

    await page.locator("#company").fill("Northwind Traders");
    await page.locator("#pw").fill("pw-before-toggle");
    await page.locator("#toggle").click();
    expect(await page.locator("#pw").getAttribute("type")).toBe("text");
    await page.locator("#pw").fill("pw-after-toggle");
    await page.locator("#cc").fill("4242424242424242");

    await page.getByRole("button", { name: /Help/ }).click();
    await form(page).getByLabel("Email", { exact: true }).fill("jamie@northwind.example");
    await form(page).getByLabel("Subject").fill("Masking");
    await form(page).getByLabel("Description").fill("Checking what is recorded");
    const [request] = await Promise.all([
      ticketRequest(page),
      form(page).getByRole("button", { name: "Send" }).click(),
    ]);
    await page.getByText("Recording attached.").waitFor();
    const created = (await (await request.response())!.json()) as { id: string };
    const json = JSON.stringify(await storedRecording(server, created.id));

    expect(json).toContain("Northwind Traders");
    for (const secret of ["pw-before-toggle", "pw-after-toggle", "4242424242424242", "Jamie Rivera", "VIP customer"])
      expect(json, secret).not.toContain(secret);
    expect(errors).toEqual([]);
    await close();
  });

  test("data-locale, data-position and data-window-seconds change the UI", async () => {
    const { page, close } = await widgetPage(browser);
    await tagPage(
      page,
      server,
      'data-locale="de" data-position="bottom-left" data-window-seconds="30"',
      "<h1>Hallo</h1>",
    );
    const launcher = page.getByRole("button", { name: "Hilfe und Support" });
    await launcher.click();
    const dialog = page.getByRole("dialog", { name: "Support kontaktieren" });
    await dialog.getByLabel("E-Mail").waitFor();
    await dialog.getByLabel("Aufzeichnung der letzten 30 Sekunden anhängen").waitFor();
    await dialog.getByRole("button", { name: "Senden" }).waitFor();
    const box = await launcher.boundingBox();
    expect(box!.x).toBeLessThan(100); // bottom-left
    await close();
  });

  test("calls made before the script loaded are queued and replayed", async () => {
    const { page, close } = await widgetPage(browser);
    const stub = `<script>
      !function(w,h){h=w.Handoff=w.Handoff||{q:[]};["open","close","identify","setMetadata","on","shutdown"]
      .forEach(function(m){h[m]=h[m]||function(){h.q.push([m,[].slice.call(arguments)])}})}(window);
      Handoff.identify({ email: "queued@northwind.example" });
      Handoff.on("open", function () { window.openedFromQueue = true; });
      Handoff.open();
    </script>`;
    await tagPage(page, server, "", stub);
    await expect
      .poll(() => form(page).getByLabel("Email", { exact: true }).inputValue())
      .toBe("queued@northwind.example");
    expect(await page.evaluate(() => (window as unknown as { openedFromQueue?: boolean }).openedFromQueue)).toBe(true);
    await close();
  });

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
