/**
 * Twelfth pass on what reaches the server (issue #12), on app pages served from another origin than the widget's: a
 * payment settings page (saved cards as radios, a card and a key shown through CSS, a QR code to pay by bank transfer), an invite dialog (addresses as
 * checkboxes, on a submit button), and a support form on a site that records typing (data-mask-inputs="false"). The
 * recording and the ticket are searched for each secret; the words around them must still be there.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { KEYS } from "../helpers/mask-cases.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

// The customer's app, on an origin of its own, served for real (as in widget-masking-apps.test.ts).
const APP_PORT = Number(process.env.HANDOFF_TEST_PORT) + 4 || 0;
const pages = new Map<string, string>();
let app: Server;
let APP = "";
const allowedOrigins: string[] = [];

beforeAll(async () => {
  app = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(pages.get(req.url ?? "") ?? "");
  });
  await new Promise<void>((resolve) => app.listen(APP_PORT, "127.0.0.1", resolve));
  APP = `http://localhost:${(app.address() as AddressInfo).port}`;
  allowedOrigins.push(APP);
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

const PAYMENTS = `<meta charset="utf-8">
  <style>.default::after { content: " 4000 0566 5566 5556"; } .me { --user-key: ${KEYS.stripe}; }</style>
  <h1>Payment methods</h1>
  <label><input type="radio" name="pm" value="4000 0025 0000 3155" id="pm-1"> Saved card ending 3155</label>
  <label><input type="radio" name="pm" value="5105105105105100" id="pm-2"> Saved card ending 5100</label>
  <p class="default me" style="--iban: 'DE89 3704 0044 0532 0130 00'">Default card:</p>
  <h2>Invite teammates</h2>
  <label><input type="checkbox" name="to[]" value="invite.one@team-mail.com" id="to-1"> Jane</label>
  <label><input type="checkbox" name="to[]" value="invite.two@team-mail.com"> Omar</label>
  <input type="submit" value="Invite button.person@team-mail.com">
  <h2>Pay by bank transfer</h2>
  <img alt="QR code" width="64" height="64"
    src="https://qr.example/v1/?data=BCD%0A002%0A1%0ASCT%0A%0AACME%20GmbH%0ADE89370400440532013000%0AEUR12.50">`;

const SUPPORT = `<meta charset="utf-8"><h1>Contact us</h1>
  <input id="subject" name="subject"><textarea id="message" name="message"></textarea>
  <select id="account" name="account"><option value="">Choose</option>
    <option value="picked.person@acct-mail.com">Main account</option></select>`;

describe.skipIf(!HAS_BROWSER)("widget privacy: values the page gives inputs, and typing a site records", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]), { allowedOrigins });

  test("payment settings: saved cards in radios, addresses in checkboxes and a button, a card and keys in CSS", async () => {
    const { json, close } = await sent(browser, server, PAYMENTS, "Payments", "", async (page) => {
      await page.locator("#pm-1").check();
      await page.locator("#pm-2").check();
      await page.locator("#to-1").check();
    });
    for (const secret of ["0025 0000", "5105105105105100", "invite.one", "invite.two", "button.person", "team-mail"])
      expect.soft(json, secret).not.toContain(secret);
    for (const secret of ["0566", "5566 5556", KEYS.stripe.slice(8), "3704 0044", "0532 0130", "370400440532013000"])
      expect.soft(json, secret).not.toContain(secret);
    for (const visible of ["Saved card ending 3155", "Invite b", 'content: \\" ', "--user-key: sk_live_", "--iban: '"])
      expect.soft(json, visible).toContain(visible);
    for (const visible of ["https://qr.example/v1/?data=BCD%0A002%0A1%0ASCT%0A%0AACME%20GmbH%0ADE", "%0AEUR12.50"])
      expect.soft(json, visible).toContain(visible);
    await close();
  }, 90_000);

  test('a site that records typing (data-mask-inputs="false"): addresses, cards and IBANs typed or chosen are masked', async () => {
    const { json, close } = await sent(
      browser,
      server,
      SUPPORT,
      "Support",
      'data-mask-inputs="false"',
      async (page) => {
        await page.locator("#subject").pressSequentially("Refund for typed.person@typed-mail.com", { delay: 5 });
        await page.locator("#message").fill("Card 4000 0000 0000 0002, refund to DE89 3704 0044 0532 0130 00 please");
        await page.locator("#account").selectOption("picked.person@acct-mail.com");
      },
    );
    for (const secret of ["typed.person", "typed-mail", "0000 0002", "3704 0044", "0532 0130", "picked.person"])
      expect.soft(json, secret).not.toContain(secret);
    for (const visible of ["Refund for t", "Card ", ", refund to DE", " please", "Main account"])
      expect.soft(json, visible).toContain(visible);
    await close();
  }, 90_000);
});

/** The stored recording and ticket, as one JSON text, of a ticket sent from `html` (on APP) after `change` ran. */
async function sent(
  browser: Browser,
  server: TestServer,
  html: string,
  subject: string,
  attributes: string,
  change: (page: Page) => Promise<void>,
) {
  const { page, close } = await widgetPage(browser);
  const path = `/app/${subject.toLowerCase()}`;
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><title>${subject}</title></head><body>${html}
    <script src="${server.url}/widget.js" data-site-key="pk_demo" data-api-origin="${server.url}" ${attributes} async></script></body></html>`,
  );
  await page.goto(`${APP}${path}`);
  await waitForRecorder(page);
  await change(page);
  await openWidget(page);
  const { id } = await sendTicket(page, subject);
  await page.getByText("Recording attached.").waitFor();
  const recording = JSON.stringify(await storedRecording(server, id));
  const ticket = JSON.stringify(await agentGet(server, `/api/v1/tickets/${id}`));
  return { json: recording + ticket, close };
}
