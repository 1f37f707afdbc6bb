import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { signHs256 } from "../../server/lib/jwt.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { agentGet, fillForm, form, openWidget, widgetPage } from "./widget-fixtures.js";

/**
 * The developer's side of embedding, as the README tells it: their app on its own origin (a little HTTP server here)
 * with the workspace's own site key, allowed through HANDOFF_ALLOWED_ORIGINS.
 */
describe.skipIf(!HAS_BROWSER)("embedding the widget in an app on another origin", () => {
  let server: TestServer;
  let browser: Browser;
  let app: Server;
  let appOrigin: string;
  let page = "";
  beforeAll(async () => {
    app = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(page));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appOrigin = `http://localhost:${(app.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([startTestServer({ allowedOrigins: [appOrigin] }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => app?.close(resolve));
  });

  const html = (script: string) =>
    `<!doctype html><html lang="en"><head><title>Acme</title></head><body><h1>Orders</h1>${script}</body></html>`;

  test("an identify() jwt that does not verify: the ticket is sent, and the page's console says why", async () => {
    const { workspace } = server.bootstrap;
    const exp = Math.floor(Date.now() / 1000) - 60;
    const jwt = signHs256({ sub: "u-42", email: "jane@acme.example", exp }, workspace.identitySecret);
    page = html(`<script src="${server.url}/widget.js" data-site-key="${workspace.siteKey}" async></script>
      <script>addEventListener("load", () => Handoff.identify({ id: "u-42", jwt: ${JSON.stringify(jwt)} }));</script>`);
    const { page: tab, close } = await widgetPage(browser);
    const warnings: string[] = [];
    tab.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
    await tab.goto(`${appOrigin}/orders`);
    await openWidget(tab);
    await fillForm(tab, "Export fails");
    await form(tab).getByRole("button", { name: "Send" }).click();
    await form(tab)
      .getByText(/Ticket HO-\d+ created/)
      .waitFor();
    await expect
      .poll(() => warnings.join("\n"))
      .toContain(`[Handoff] identify(): the jwt expired at ${new Date(exp * 1000).toISOString()}`);
    await close();
  });

  test("identify() and setMetadata() called wrong: the ticket is sent, and the page's console names what was left out", async () => {
    page =
      html(`<script src="${server.url}/widget.js" data-site-key="${server.bootstrap.workspace.siteKey}" async></script>
      <script>addEventListener("load", () => {
        Handoff.identify("jane@acme.example");
        Handoff.identify({ userId: "u-42", email: "jane at acme", name: "Jane" });
        Handoff.setMetadata({ plan: "pro", account: { id: 7 } });
        Handoff.on("ticket-created", () => (window.never = true));
        Handoff.on("ticket:created", 5);
      });</script>`);
    const { page: tab, errors, close } = await widgetPage(browser);
    const warnings: string[] = [];
    tab.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
    await tab.goto(`${appOrigin}/orders`);
    await openWidget(tab);
    // the form shows identify()'s email as given; the customer corrects it
    await form(tab).getByLabel("Email", { exact: true }).fill("jane@acme.example");
    await fillForm(tab, "Called wrong");
    await form(tab).getByRole("button", { name: "Send" }).click();
    await form(tab)
      .getByText(/Ticket HO-\d+ created/)
      .waitFor();
    const said = warnings.join("\n");
    expect(said).toContain('[Handoff] identify(): unknown field "userId" (fields: id, email,');
    expect(said).toContain("[Handoff] identify(): email is not an email address; left out of this ticket");
    expect(said).toContain("[Handoff] setMetadata(): account must be a string, number, boolean or null");
    expect(said).toContain("[Handoff] identify() takes an object, e.g. { email }");
    expect(said).toContain('[Handoff] on(): no event "ticket-created" (events: ticket:created, open, close, unread)');
    expect(said).toContain("[Handoff] on(): the callback is not a function");
    // the 5 given as a callback does not throw in the page when the ticket is created
    expect(errors).toEqual([]);
    await close();
  });

  test("the README's queueing line before the async tag: the app's own early calls (setMetadata, on) neither throw nor get lost", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const stub = readme.split("\n").find((line) => line.startsWith("<script>") && line.includes("h.q.push"));
    expect(stub, "the README shows the line to paste before calling Handoff early").toBeDefined();
    page = html(`${stub}
      <script>
        Handoff.setMetadata({ plan: "pro" });
        Handoff.on("ticket:created", (ticket) => (window.filed = ticket.reference));
      </script>
      <script src="${server.url}/widget.js" data-site-key="${server.bootstrap.workspace.siteKey}" async></script>`);
    const { page: tab, errors, close } = await widgetPage(browser);
    await tab.goto(`${appOrigin}/orders`);
    await openWidget(tab);
    await fillForm(tab, "Early calls");
    await form(tab).getByRole("button", { name: "Send" }).click();
    const created = await form(tab)
      .getByText(/Ticket HO-\d+ created/)
      .textContent();
    const reference = created?.match(/HO-\d+/)?.[0];
    await expect.poll(() => tab.evaluate(() => (window as unknown as { filed?: string }).filed)).toBe(reference);
    const list = await agentGet<{ tickets: { id: string; subject: string }[] }>(server, "/api/v1/tickets?limit=200");
    const ticket = list.tickets.find((t) => t.subject === "Early calls");
    const detail = await agentGet<{ context: { metadata: Record<string, unknown> } }>(
      server,
      `/api/v1/tickets/${ticket?.id}`,
    );
    expect(detail.context.metadata).toMatchObject({ plan: "pro" });
    expect(errors).toEqual([]);
    await close();
  });

  test("the ESM entry imported from the Handoff server sends tickets there, without apiOrigin", async () => {
    page = html(`<script type="module">
      import { init } from "${server.url}/widget/esm/esm.js";
      init({ siteKey: "${server.bootstrap.workspace.siteKey}" });
    </script>`);
    const { page: tab, errors, close } = await widgetPage(browser);
    await tab.goto(`${appOrigin}/orders`);
    await openWidget(tab);
    await fillForm(tab, "From the SPA");
    await form(tab).getByRole("button", { name: "Send" }).click();
    await form(tab)
      .getByText(/Ticket HO-\d+ created/)
      .waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("ESM init() with a wrongly typed or misspelt option: the widget starts, and the page's console names the option", async () => {
    page = html(`<script type="module">
      import { init } from "${server.url}/widget/esm/esm.js";
      init({ siteKey: "${server.bootstrap.workspace.siteKey}", color: 0x0f766e, locale: 7, bufferMb: 8, windowSeconds: "30" });
    </script>`);
    const { page: tab, errors, close } = await widgetPage(browser);
    const warnings: string[] = [];
    tab.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
    await tab.goto(`${appOrigin}/orders`);
    await openWidget(tab);
    expect(errors).toEqual([]);
    expect(warnings).toContain("[Handoff] init(): color must be a string, got number; ignored");
    expect(warnings).toContain("[Handoff] init(): locale must be a string, got number; ignored");
    expect(warnings.find((w) => w.includes('unknown option "bufferMb"'))).toContain("maxRecordingBytes");
    expect(warnings.join("\n")).not.toContain("windowSeconds must");
    await close();
  });

  test("a jwt-identified user with no conversations: the next page neither downloads the conversation view nor polls", async () => {
    const { workspace } = server.bootstrap;
    const jwt = signHs256({ sub: "u-7", exp: Math.floor(Date.now() / 1000) + 600 }, workspace.identitySecret);
    page = html(`<script src="${server.url}/widget.js" data-site-key="${workspace.siteKey}" async></script>
      <script>addEventListener("load", () => Handoff.identify({ id: "u-7", jwt: ${JSON.stringify(jwt)} }));</script>`);
    const { page: tab, errors, close } = await widgetPage(browser);
    const paths: string[] = [];
    tab.on("request", (r) => paths.push(new URL(r.url()).pathname));
    const asked = () => paths.filter((p) => p === "/api/v1/widget/conversations").length;
    // First visit: a verified user may have filed elsewhere, so the widget asks once (and learns: none).
    await tab.goto(`${appOrigin}/orders`);
    await expect.poll(asked, { timeout: 15_000 }).toBe(1);
    await tab.getByRole("button", { name: /Help/ }).waitFor();
    await tab.waitForLoadState("networkidle");
    paths.length = 0;
    await tab.reload();
    await tab.getByRole("button", { name: /Help/ }).waitFor();
    await tab.waitForLoadState("networkidle");
    expect(paths.filter((p) => /\/widget\/conversation-/.test(p) || p.startsWith("/api/v1/widget/"))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
