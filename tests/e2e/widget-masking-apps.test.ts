/**
 * Fifth pass on what reaches the server (issue #12), on app pages served from another origin than the widget's: a
 * CRM contact list edited in place, an AI assistant streaming its answers, a billing page that shows partial cards,
 * and a developer's settings page of environment variables and curl snippets. Each holds text that must stay
 * readable (a card's last four, masked account numbers, amounts, ids) next to what must not reach the server; both the
 * recording and the ticket (console, failed requests, page URL and title) are searched.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { JWT, KEYS } from "../helpers/mask-cases.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

// The customer's app, on an origin of its own (the widget's server is 127.0.0.1), served for real: Chromium treats a
// page fulfilled by interception as public, and public pages may not load from a loopback address.
const APP_PORT = Number(process.env.HANDOFF_TEST_PORT) + 3 || 0;
const pages = new Map<string, string>();
let app: Server;
let APP = "";
const allowedOrigins: string[] = []; // read when the widget's server starts, after the app's

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

const CRM = `<meta charset="utf-8"><h1>Contacts</h1><table><tbody>
  <tr><td>Jane Doe</td><td><div class="local">jane.doe</div><div class="domain">@crm-mail-one.com</div></td>
    <td>+1 415 555 0134</td><td>Lead · 3 deals</td></tr>
  <tr><td>Omar Haddad</td><td><span>omar.haddad</span>@<span>crm-mail-two.com</span></td>
    <td>ID 10023456</td><td>Customer since 2019</td></tr>
  <tr><td>Li Wei</td><td><p>li.wei</p><p>@crm-mail-three.cn</p></td><td>Owner: Sam</td><td>Renewal 2025-03-01</td></tr>
  <tr><td>Spaced</td><td>rita.costa @ crm-mail-four . pt</td><td>Tag: VIP</td><td>Score 87</td></tr>
  <tr><td>Edited</td><td id="edit-cell" tabindex="0">click to add an email</td><td>Notes</td><td>—</td></tr>
</tbody></table>`;

const CHAT = `<meta charset="utf-8"><h1>Assistant</h1><div id="thread"><p>How can I help you today?</p></div>`;

const BILLING = `<meta charset="utf-8"><h1>Billing</h1>
  <p>Default card: •••• 4242 (Visa, exp 12/27)</p>
  <p>Backup card: **** **** **** 5556 · Mastercard ending in 4444</p>
  <p>Account: DE89 •••• •••• •••• •••• 00 · XXXX-XXXX-XXXX-1117</p>
  <p>Card on file <span class="num">4000 0566 5566 5556</span> <button title="Card 5105 1051 0510 5100">Copy</button></p>
  <table><tr><td>INV-2024-0042</td><td>$1,249.00</td><td>Paid 2024-11-02</td><td>Order 4400-1187-2210</td></tr></table>
  <p>Pay to <span>NL91</span> <span>ABNA</span> <span>0417</span> <span>1643</span> <span>00</span> (reference 2024/0042)</p>`;

const DEV = `<meta charset="utf-8"><h1>Environment</h1><pre>
STRIPE_SECRET_KEY=${KEYS.stripe}
OPENAI_API_KEY=${KEYS.openaiProject}
AWS_SECRET_ACCESS_KEY=${KEYS.awsSecret}
SLACK_WEBHOOK=https://hooks.slack.com/services/T0AB1CD2E/B0FG3HI4J/${KEYS.letters.slice(0, 24)}
DATABASE_URL=postgres://app_user:Tr0ub4dor3xyz@db.internal:5432/app
NODE_ENV=production
PORT=8080
</pre><pre>curl https://api.example.com/v1/charges \\
  -H "Authorization: Bearer ${KEYS.stripeTest}" \\
  -u ${KEYS.github}: \\
  -d amount=2000 -d currency=usd</pre>
  <p>Session: <code>${JWT}</code></p>
  <p>Commit 9fceb02 · build #4812 · v3.14.0 · region eu-west-1</p>`;

describe.skipIf(!HAS_BROWSER)("widget privacy: app pages on another origin", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]), { allowedOrigins });

  test("a CRM contact list: addresses split over blocks, spans and spaces, and one typed in place", async () => {
    const { json, close } = await sent(browser, server, CRM, "CRM", async (page) => {
      // Inline editing: the cell becomes an input, the agent types an address, the cell shows it.
      await page.evaluate(() => {
        const cell = document.getElementById("edit-cell")!;
        cell.textContent = "";
        const input = document.createElement("input");
        input.name = "contact-email";
        cell.append(input);
      });
      await page.locator("#edit-cell input").pressSequentially("typed.person@crm-mail-five.com", { delay: 10 });
      await page.evaluate(() => {
        const cell = document.getElementById("edit-cell")!;
        cell.textContent = (cell.querySelector("input") as HTMLInputElement).value;
      });
    });
    for (const secret of ["jane.doe", "crm-mail-one", "omar.haddad", "crm-mail-two", "li.wei", "crm-mail-three"])
      expect.soft(json, secret).not.toContain(secret);
    for (const secret of ["rita.costa", "crm-mail-four", "typed.person", "crm-mail-five"])
      expect.soft(json, secret).not.toContain(secret);
    for (const visible of ["Jane Doe", "+1 415 555 0134", "Lead · 3 deals", "ID 10023456", "Renewal 2025-03-01"])
      expect.soft(json, visible).toContain(visible);
    await close();
  }, 90_000);

  test("an AI assistant streaming answers token by token: no half-written card, account, key or token", async () => {
    const answer = [
      "Your card 4111 1111 1111 1111 was declined.",
      "Refunds go to DE89 3704 0044 0532 0130 00 within 5 days.",
      `Use the key ${KEYS.stripe} in the header.`,
      `Your session token is ${JWT} for now.`,
      `Rotate ${KEYS.letters} soon.`,
      "Write to stream.helper@chat-mail.com. Done.",
    ];
    const { json, texts, close } = await sent(browser, server, CHAT, "Chat", async (page) => {
      await page.evaluate(async (lines) => {
        const thread = document.getElementById("thread")!;
        // The recorder's batch is flushed on every token (as an interaction would), so each state is recorded.
        const flush = () => window.dispatchEvent(new Event("pointerdown"));
        for (const [n, line] of lines.entries()) {
          const p = document.createElement("p");
          thread.append(p);
          const tokens = line.match(/.{1,3}/g) ?? [];
          for (let i = 1; i <= tokens.length; i++) {
            // Half the answers re-render the paragraph's text, half append a text node per token.
            if (n % 2) p.append(tokens[i - 1]);
            else p.textContent = tokens.slice(0, i).join("");
            flush();
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      }, answer);
    });
    // Tokens appended one text node each are recorded one add each: searched in the recording's texts joined too.
    for (const secret of ["4111 111", "1111 1111", "0044", "0532 0130", KEYS.stripe.slice(8, 14), "stream.helper"])
      for (const where of [json, texts]) expect.soft(where, secret).not.toContain(secret);
    for (const secret of [JWT.slice(10, 20), JWT.slice(40, 50), KEYS.letters.slice(12, 18), "chat-mail"])
      for (const where of [json, texts]) expect.soft(where, secret).not.toContain(secret);
    // The re-rendered answers read as written around what was masked (appended tokens arrive in replay's order).
    for (const visible of ["Your card ", " was declined.", "Use the key sk_live_", " in the header.", " soon."])
      expect.soft(texts, visible).toContain(visible);
    await close();
  }, 120_000);

  test("a billing page: full cards and accounts masked, partial cards and amounts readable", async () => {
    const { json, close } = await sent(browser, server, BILLING, "Billing");
    for (const secret of ["0566", "5566 5556", "5105", "ABNA", "0417", "1643"])
      expect.soft(json, secret).not.toContain(secret);
    for (const visible of [
      "Default card: •••• 4242 (Visa, exp 12/27)",
      "Backup card: **** **** **** 5556 · Mastercard ending in 4444",
      "Account: DE89 •••• •••• •••• •••• 00 · XXXX-XXXX-XXXX-1117",
      "INV-2024-0042",
      "$1,249.00",
      "Paid 2024-11-02",
      "Order 4400-1187-2210",
      "(reference 2024/0042)",
    ])
      expect.soft(json, visible).toContain(visible);
    await close();
  }, 90_000);

  test("a developer's settings: environment variables, curl snippets and tokens masked; names readable", async () => {
    const { json, close } = await sent(browser, server, DEV, "Dev tools", async (page) => {
      await page.evaluate(
        ([key]) => {
          console.error(`Request failed: curl -H "Authorization: Bearer ${key}" https://api.example.com`);
          fetch(`/api/v1/env?token=${key}&region=eu`).catch(() => {});
        },
        [KEYS.stripeTest],
      );
    });
    for (const secret of [KEYS.stripe.slice(8), KEYS.openaiProject.slice(8), KEYS.awsSecret.slice(0, 12)])
      expect.soft(json, secret).not.toContain(secret);
    for (const secret of [KEYS.letters.slice(0, 24), "Tr0ub4dor3xyz", KEYS.stripeTest.slice(8), KEYS.github.slice(4)])
      expect.soft(json, secret).not.toContain(secret);
    for (const secret of [JWT.slice(10, 40)]) expect.soft(json, secret).not.toContain(secret);
    for (const visible of ["STRIPE_SECRET_KEY=sk_live_", "NODE_ENV=production", "PORT=8080", "-d amount=2000"])
      expect.soft(json, visible).toContain(visible);
    for (const visible of [
      "Commit 9fceb02 · build #4812 · v3.14.0 · region eu-west-1",
      "https://api.example.com/v1/charges",
    ])
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
  change?: (page: Page) => Promise<void>,
) {
  const { page, close } = await widgetPage(browser);
  const path = `/app/${subject.toLowerCase().replace(/\W/g, "-")}`;
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><title>${subject}</title></head><body>${html}
    <script src="${server.url}/widget.js" data-site-key="pk_demo" data-api-origin="${server.url}" async></script></body></html>`,
  );
  await page.goto(`${APP}${path}`);
  await waitForRecorder(page);
  if (change) await change(page);
  await openWidget(page);
  const { id } = await sendTicket(page, subject);
  await page.getByText("Recording attached.").waitFor();
  const recording = JSON.stringify(await storedRecording(server, id));
  const ticket = JSON.stringify(await agentGet(server, `/api/v1/tickets/${id}`));
  // Every text of the recording, in the order recorded, run together.
  const texts = Array.from(recording.matchAll(/"(?:textContent|value)":("(?:[^"\\]|\\.)*")/g), (m) =>
    JSON.parse(m[1]),
  ).join("");
  return { json: recording + ticket, texts, close };
}
