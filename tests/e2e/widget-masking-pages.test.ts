/**
 * Fourth pass on what reaches the server (issue #12), on ordinary third-party pages the earlier passes never saw: an
 * admin table of users, an invoice with bank details in each country's print, a settings page of API keys, and a
 * page that changes after load (a chat answer streamed in, console errors, failed requests). Each page holds
 * numbers and names that must stay readable next to what must not reach the server; both the recording and the
 * ticket (console, failed requests, page URL and title) are checked.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import {
  agentGet,
  hostPage,
  openWidget,
  sendTicket,
  storedRecording,
  waitForRecorder,
  widgetPage,
} from "./widget-fixtures.js";

const j = (...parts: string[]) => parts.join("");
const MAILGUN = j("key-", "3ax6xnjp29jd6fds4gc373sgvjxteol0");
const TOTP = j("JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXP");
const SIG = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

// hostPage serves no charset: the meta keeps "ü" and "и" as written.
const ADMIN = `<meta charset="utf-8"><h1>Users</h1><table><tbody>
  <tr title="Jane Doe (jane.doe+billing@mail.acme-corp.co.uk)"><td>Jane Doe</td>
    <td><a href="mailto:jane.doe+billing@mail.acme-corp.co.uk?subject=Invoice%2042">jane.doe+billing@mail.acme-corp.co.uk</a></td>
    <td>Order #4400-1187-2210</td></tr>
  <tr><td>Hans Müller</td><td><a href="mailto:hans.mueller@b%C3%BCcher-haus.de">müller@bücher-haus.de</a></td>
    <td>114-3941689-8772237</td></tr>
  <tr><td>Ivan</td><td>иван.петров@почта-тест.рф</td><td>2024-01-15</td></tr>
  <tr><td>Quoted</td><td>"john smith"@quoted-mail.com</td><td>v2.14.3</td></tr>
  <tr><td>Split</td><td><b>jo</b>hnny@ex<span>amplecorp</span>.com</td><td>USPS 9400 1118 9922 3397 8894 67</td></tr>
  <tr><td>React</td><td>maria.garcia<!-- -->@<!-- -->ventas-sur.es</td><td>+44 20 7946 0958</td></tr>
</tbody></table>
<p>Order <a href="/orders/550e8400-e29b-41d4-a716-446655440000">550e8400-e29b-41d4-a716-446655440000</a>, build 10.0.19045.3693</p>`;

const INVOICE = `<meta charset="utf-8"><h1>Invoice INV-2024-00317</h1><dl>
  <dd>FR76 30006 00001 12345678901 89</dd><dd>GB29 NWBK 6016 1331 9268 19</dd><dd>NL91ABNA0417164300</dd>
  <dd>IT60X 05428 11101 000000123456</dd><dd>ES91 2100 0418 45 0200051332</dd><dd>CH93 0076 2011 6238 5295 7</dd>
  <dd>IBAN: AT61&nbsp;1904&nbsp;3002&nbsp;3457&nbsp;3201</dd><dd>Nr rachunku: 61 1090 1014 0000 0712 1981 2874</dd>
  <dd>BIC COBADEFFXXX</dd></dl>
  <p>Paid with Visa **** 4242 (expires 12/27). Amex 3714 496353 98431. Split: <span>4000</span> <span>0566</span>
  <span>5566</span> <span>5556</span>.</p>
  <p>Total 1.234,56 € · 15.01.2024 · Customer no. 100234 · Ref RF18 5390 0754 7034</p>`;

const SETTINGS = `<meta charset="utf-8"><h1>API keys</h1>
  <p>Mailgun <code>${MAILGUN}</code>, authenticator secret <code>${TOTP}</code></p>
  <style>.who::after { content: "css.only@style-mail.com"; }</style><p class="who">Styled</p>
  <img alt="Photo" src="/blank.gif" srcset="https://s3.example/p.png?X-Amz-Signature=${SIG} 2x">
  <div style="background-image: url('https://cdn.example/bg.png?access_token=bgtoken987654321')">Background</div>
  <form action="/login?session=formsession123456"><button>Sign in</button></form>
  <iframe src="https://embed.example/?token=iframetoken123456" width="10" height="10"></iframe>
  <p>Contatti: mario at esempio-posta point it. Contact : jane chez example-fr point online.</p>
  <p>People at Google point it out. Chez moi point barre.</p>`;

describe.skipIf(!HAS_BROWSER)("widget privacy: ordinary third-party pages", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("an admin table of users: every address masked, order and tracking numbers, dates and ids readable", async () => {
    const { json, close } = await sent(browser, server, ADMIN, "Admin table");
    for (const secret of ["jane.doe", "acme-corp", "hans.mueller", "b%C3%BCcher", "müller", "иван", "почта"])
      expect(json, secret).not.toContain(secret);
    for (const secret of ["john smith", "quoted-mail", "hnny@", "amplecorp", "maria.garcia", "ventas-sur"])
      expect(json, secret).not.toContain(secret);
    for (const visible of [
      "Jane Doe",
      "Order #4400-1187-2210",
      "114-3941689-8772237",
      "USPS 9400 1118 9922 3397 8894 67",
      "+44 20 7946 0958",
      "/orders/550e8400-e29b-41d4-a716-446655440000",
      "build 10.0.19045.3693",
    ])
      expect(json, visible).toContain(visible);
    await close();
  }, 60_000);

  test("an invoice: account numbers in each country's print and full cards masked; a card's last four readable", async () => {
    const { json, close } = await sent(browser, server, INVOICE, "Invoice");
    for (const secret of ["30006 00001", "NWBK 6016", "ABNA0417", "05428 11101", "0418 45", "0076 2011", "1904"])
      expect(json, secret).not.toContain(secret);
    for (const secret of ["1090 1014", "1981 2874", "496353", "98431", "0566", "5556"])
      expect(json, secret).not.toContain(secret);
    for (const visible of [
      "BIC COBADEFFXXX",
      "Visa **** 4242 (expires 12/27)",
      "Total 1.234,56 € · 15.01.2024 · Customer no. 100234 · Ref RF18 5390 0754 7034",
    ])
      expect(json, visible).toContain(visible);
    await close();
  }, 60_000);

  test("a settings page: keys, a stylesheet's address and secret URL parameters masked; prose readable", async () => {
    const { json, close } = await sent(browser, server, SETTINGS, "Settings");
    for (const secret of [MAILGUN.slice(4), TOTP, "style-mail", SIG, "bgtoken", "formsession", "iframetoken"])
      expect(json, secret).not.toContain(secret);
    for (const secret of ["mario at", "esempio-posta", "jane chez", "example-fr"])
      expect(json, secret).not.toContain(secret);
    for (const visible of ["/login?session=[redacted]", "People at Google point it out. Chez moi point barre."])
      expect(json, visible).toContain(visible);
    await close();
  }, 60_000);

  test("a page that changes: a streamed answer, console errors, failed requests and rejections", async () => {
    const { json, close } = await sent(browser, server, `<h1>Chat</h1><p id="answer"></p>`, "Changes", () => {
      const answer = document.getElementById("answer")!;
      const text = "Reach stream.person@stream-mail.com for help";
      // Streamed a few characters at a time, each step its own change (as a chat answer arrives).
      let shown = 0;
      const step = () => {
        shown += 4;
        answer.textContent = text.slice(0, shown);
        if (shown < text.length) setTimeout(step, 150);
        else answer.append(" Done.");
      };
      step();
      console.error("Lookup failed", { email: "console.user@console-mail.com", card: 4242424242424242 });
      fetch("/api/users/fetch.user@fetch-mail.com?api_key=fetchkey123456&page=2").catch(() => {});
      Promise.reject(new Error("Payment for rej.user@reject-mail.com failed"));
    });
    for (const secret of ["stream.person", "stream-mail", "console.user", "4242424242424242", "fetch.user"])
      expect(json, secret).not.toContain(secret);
    for (const secret of ["fetchkey123456", "rej.user", "reject-mail"]) expect(json, secret).not.toContain(secret);
    for (const visible of ["Reach s", " for help", "Lookup failed", "api_key=[redacted]&page=2", "Payment for "])
      expect(json, visible).toContain(visible);
    await close();
  }, 60_000);
});

/** The stored recording and ticket, as one JSON text, of a ticket sent from `html` after `change` ran and settled. */
async function sent(browser: Browser, server: TestServer, html: string, subject: string, change?: () => void) {
  const { page, errors, close } = await widgetPage(browser);
  await page.route(/\.(png|gif)(\?|$)|embed\.example/, (route) =>
    route.fulfill({ contentType: "image/gif", body: "" }),
  );
  await hostPage(page, server, "", html);
  await waitForRecorder(page);
  if (change) {
    await page.evaluate(change);
    await page.getByText("Done.").waitFor();
  }
  await openWidget(page);
  const { id } = await sendTicket(page, subject);
  await page.getByText("Recording attached.").waitFor();
  const recording = JSON.stringify(await storedRecording(server, id));
  const ticket = JSON.stringify(await agentGet(server, `/api/v1/tickets/${id}`));
  // A rejection the page leaves unhandled is the page's error, not ours.
  expect(errors.filter((e) => !e.includes("Payment for"))).toEqual([]);
  return { json: recording + ticket, close };
}
