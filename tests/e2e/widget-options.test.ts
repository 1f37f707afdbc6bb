import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { form, previewText, storedRecording, ticketRequest, widgetPage } from "./widget-fixtures.js";

/** A host page of our own (served through request interception) with a customised script tag. */
async function hostPage(page: Page, server: TestServer, attributes: string, body: string) {
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

describe.skipIf(!HAS_BROWSER)("widget options on a host page", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("with data-mask-inputs=false typed text is recorded, but passwords (even shown as text), card numbers and marked elements are not", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, 'data-mask-inputs="false"', FORM);
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
    await hostPage(
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
    await hostPage(page, server, "", stub);
    await expect
      .poll(() => form(page).getByLabel("Email", { exact: true }).inputValue())
      .toBe("queued@northwind.example");
    expect(await page.evaluate(() => (window as unknown as { openedFromQueue?: boolean }).openedFromQueue)).toBe(true);
    await close();
  });
});
