import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import {
  form,
  openWidget,
  previewText,
  recordingRequest,
  storedRecording,
  ticketRequest,
  waitForCapture,
  widgetPage,
} from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("widget on the demo app: filing a ticket with context", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the launcher opens an accessible form; Escape closes it and gives focus back", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await page.goto(`${server.url}/demo/`);
    const launcher = page.getByRole("button", { name: /Help/ });
    await launcher.click();
    const dialog = page.getByRole("dialog", { name: "Contact support" });
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    for (const label of ["Email", "Subject", "Description"]) await dialog.getByLabel(label, { exact: true }).waitFor();
    expect(await form(page).getByLabel("Include a recording of the last minute").isChecked()).toBe(true);
    await form(page).getByRole("button", { name: "Send" }).waitFor();
    // identify() was called through the queueing stub before the widget loaded: the email is filled in
    await expect
      .poll(() => form(page).getByLabel("Email", { exact: true }).inputValue())
      .toBe("jamie@northwind.example");

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(
      await page.evaluate(() => document.getElementById("handoff-widget")?.shadowRoot?.activeElement?.className),
    ).toBe("l");
    expect(errors).toEqual([]);
    await close();
  });

  test("empty required fields get messages next to them and nothing is sent", async () => {
    const { page, close } = await widgetPage(browser);
    let posted = 0;
    page.on("request", (r) => r.method() === "POST" && r.url().includes("/widget/tickets") && posted++);
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await form(page).getByLabel("Email", { exact: true }).fill("not-an-email");
    await form(page).getByRole("button", { name: "Send" }).click();
    await page.getByText("Enter a valid email address").waitFor();
    expect(await form(page).getByLabel("Subject").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("alert").textContent()).toContain("Please fix the highlighted fields");
    expect(posted).toBe(0);
    await close();
  });

  test("a ticket carries clicks, route changes, the console error and the failed export; passwords never leave the page", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await page.goto(`${server.url}/demo/`);
    await page.getByRole("button", { name: /Help/ }).waitFor();
    await waitForCapture(page);

    await page.getByRole("link", { name: "Reports" }).click();
    await page.getByRole("cell", { name: "Quarterly revenue" }).waitFor();
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByText("Export failed. Please try again.").waitFor();
    // A route whose title the app sets only once its data arrived, as SPAs do.
    await page.evaluate(() => {
      history.pushState({}, "", "/demo/reports/q3");
      setTimeout(() => {
        document.title = "Q3 report · Acme Analytics";
      }, 250);
    });
    await page.waitForFunction(() => document.title.startsWith("Q3"));
    await page.waitForTimeout(600);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Password").fill("hunter2-correct-horse");
    await page.getByRole("button", { name: "Show password" }).click();
    await page.getByLabel("Password").fill("hunter2-correct-horse-battery");
    await page.getByLabel("Name").fill("Jamie R. Secretname");

    await openWidget(page);
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);
    expect(await previewText(page)).toMatch(/page \/demo\/settings/);
    expect(await previewText(page)).toMatch(/[1-9]\d* clicks?/);
    expect(await previewText(page)).toMatch(/[1-9]\d* errors?/);

    await form(page).getByLabel("Subject").fill("Export does nothing");
    await form(page).getByLabel("Description").fill("I clicked Export on Reports and got an error toast.");
    const [ticketReq, recordingReq] = await Promise.all([
      ticketRequest(page),
      recordingRequest(page),
      form(page).getByRole("button", { name: "Send" }).click(),
    ]);
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    await page.getByText("Recording attached.").waitFor();
    expect((await recordingReq.response())?.status()).toBe(204);

    const headers = ticketReq.headers();
    expect(headers["x-handoff-key"]).toBe("pk_demo");
    expect(headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    const body = ticketReq.postDataJSON() as TicketCreateInput;
    expect(body.email).toBe("jamie@northwind.example");
    expect(body.identity?.userHash).toMatch(/^[0-9a-f]+$/);
    expect(body.pageUrl).toBe(`${server.url}/demo/settings`);
    expect(body.recording).toMatchObject({ included: true });
    const context = body.context!;
    expect(context.metadata).toMatchObject({ workspace: "northwind" });
    // Each route change carries the title of the page it led to (the demo sets it after pushState), not the one before.
    expect(context.navigation!.map((n) => [n.kind, new URL(n.url).pathname, n.title])).toEqual([
      ["load", "/demo/", "Dashboard · Acme Analytics"],
      ["pushState", "/demo/reports", "Reports · Acme Analytics"],
      ["pushState", "/demo/reports/q3", "Q3 report · Acme Analytics"],
      ["pushState", "/demo/settings", "Settings · Acme Analytics"],
    ]);
    const exportClick = context.clicks!.find((c) => c.text === "Export");
    expect(exportClick).toMatchObject({ tag: "button", role: "button", selector: expect.stringContaining("#export") });
    // clicks on the widget itself are never captured
    expect(context.clicks!.some((c) => /Help|Send/.test(c.text ?? ""))).toBe(false);
    expect(context.console).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: "error", message: expect.stringContaining("Export failed") }),
      ]),
    );
    expect(context.network).toEqual([
      expect.objectContaining({ method: "POST", url: `${server.url}/demo/api/export`, status: 500 }),
    ]);
    expect(context.environment).toMatchObject({
      language: expect.any(String),
      viewport: { width: expect.any(Number) },
    });

    const created = (await (await ticketReq.response())!.json()) as { id: string };
    const events = await storedRecording(server, created.id);
    expect(events[0].type).toBe(4); // Meta, then the full snapshot: replayable from the start
    expect(events[1].type).toBe(2);
    const json = JSON.stringify(events);
    expect(json).not.toContain("hunter2");
    expect(json).not.toContain("Secretname"); // typed values are masked by default
    expect(json).not.toContain("Include a recording"); // the widget's own UI is never recorded
    expect(json).toContain("Export"); // the page itself is
    expect(errors).toEqual([]);
    await close();
  });

  test("secrets in URLs are redacted in the page URL and the route history", async () => {
    const { page, close } = await widgetPage(browser);
    await page.goto(
      `${server.url}/demo/reports?tab=all&token=abc123secret&code=oauthcode#access_token=xyz789&state=ok`,
    );
    await openWidget(page);
    await form(page).getByLabel("Subject").fill("Links");
    await form(page).getByLabel("Description").fill("Checking URL scrubbing");
    await form(page).getByLabel("Include a recording of the last minute").uncheck();
    const [request] = await Promise.all([
      ticketRequest(page),
      form(page).getByRole("button", { name: "Send" }).click(),
    ]);
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    const body = request.postDataJSON() as TicketCreateInput;
    const sent = JSON.stringify(body);
    for (const secret of ["abc123secret", "oauthcode", "xyz789"]) expect(sent).not.toContain(secret);
    expect(body.pageUrl).toBe(
      `${server.url}/demo/reports?tab=all&token=[redacted]&code=[redacted]#access_token=[redacted]&state=ok`,
    );
    expect(body.recording).toEqual({ included: false });
    await close();
  });

  test("the server's field errors (422) are shown next to the field", async () => {
    const { page, close } = await widgetPage(browser);
    await page.route("**/api/v1/widget/tickets", (route) =>
      route.fulfill({
        status: 422,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "validation_failed",
            message: "Invalid ticket",
            requestId: "req_1",
            issues: [{ path: "subject", message: "too long" }],
          },
        }),
      }),
    );
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await form(page).getByLabel("Subject").fill("Something");
    await form(page).getByLabel("Description").fill("Details");
    await form(page).getByRole("button", { name: "Send" }).click();
    await page.getByText("too long").waitFor();
    expect(await form(page).getByLabel("Subject").getAttribute("aria-invalid")).toBe("true");
    expect(await form(page).getByLabel("Description").inputValue()).toBe("Details"); // nothing typed is lost
    await close();
  });

  test("window.Handoff: open(), ticket:created events and shutdown()", async () => {
    const { page, close } = await widgetPage(browser);
    await page.goto(`${server.url}/demo/`);
    await page.getByRole("button", { name: /Help/ }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as {
        Handoff: { on(e: string, cb: (p: unknown) => void): void; open(): void };
        created?: unknown;
      };
      w.Handoff.on("ticket:created", (payload) => (w.created = payload));
      w.Handoff.open();
    });
    await page.getByRole("dialog").waitFor();
    await form(page).getByLabel("Subject").fill("API");
    await form(page).getByLabel("Description").fill("Opened from code");
    await form(page).getByRole("button", { name: "Send" }).click();
    const heading = await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).textContent();
    const created = (await page.evaluate(() => (window as unknown as { created: unknown }).created)) as {
      reference: string;
      id: string;
    };
    expect(heading).toContain(created.reference);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

    await page.evaluate(() => (window as unknown as { Handoff: { shutdown(): void } }).Handoff.shutdown());
    expect(await page.locator("#handoff-widget").count()).toBe(0);
    expect(await page.evaluate(() => history.pushState.toString().includes("[native code]"))).toBe(true);
    await close();
  });
});
