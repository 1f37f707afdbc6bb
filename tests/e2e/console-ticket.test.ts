import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, newPage, recordingEvents, richTicket } from "./console-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: the queue and a ticket", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let closePage: () => Promise<void>;
  const sentAt = Date.now() - 60_000;
  const tickets: Record<"replay" | "pending" | "none", { id: string; reference: string }> = {} as never;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // Filed in this order; with equal priority the queue shows the longest waiting first.
    tickets.none = await fileTicket(
      server,
      richTicket(sentAt, {
        email: "sam@contoso.example",
        // Same priority as the others ("fails" makes it high, like their failed requests): only the wait orders them.
        subject: "Changing my invoice address fails",
        context: { clicks: [], navigation: [], console: [], network: [], metadata: {} },
      }),
    );
    tickets.pending = await fileTicket(
      server,
      richTicket(sentAt, { subject: "Dashboard stays blank", recording: { included: true, durationMs: 30_000 } }),
    );
    tickets.replay = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: 4 } }),
      recordingEvents(sentAt),
    );
    ({ page, errors, close: closePage } = await newPage(browser));
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    await closePage?.();
    await browser?.close();
    await server?.close();
  });

  const row = (reference: string) => page.locator("tbody tr", { hasText: reference });

  test("the queue lists tickets by triage priority, then longest waiting first, with their customer, status and context flags", async () => {
    await page.goto(`${server.url}/console/`);
    await row(tickets.none.reference).waitFor();
    const references = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    // Triage on arrival sets each ticket's priority; the queue sorts by it, then by the longest wait.
    const details = await Promise.all(
      [tickets.none, tickets.pending, tickets.replay].map(async (t) =>
        (await page.request.get(`${server.url}/api/v1/tickets/${t.id}`)).json(),
      ),
    );
    const expected = [...details]
      .sort(
        (a, b) =>
          b.priority - a.priority ||
          Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
          a.reference.localeCompare(b.reference),
      )
      .map((d) => d.reference);
    expect(references).toEqual(expected);

    const replayRow = await row(tickets.replay.reference).textContent();
    expect(replayRow).toContain("Export to CSV does nothing");
    expect(replayRow).toContain("jamie@northwind.example");
    expect(replayRow).toContain("Open");
    expect(await row(tickets.replay.reference).getByTitle("Has a session recording").count()).toBe(1);
    expect(await row(tickets.replay.reference).getByTitle("Rage clicks").count()).toBe(1);
    expect(await row(tickets.replay.reference).getByTitle("Failed requests").count()).toBe(1);
    expect(await row(tickets.replay.reference).getByTitle("Console errors").count()).toBe(1);
    expect(await row(tickets.none.reference).getByTitle("Has a session recording").count()).toBe(0);
  });

  test("the status tabs filter the queue and are links that can be shared", async () => {
    await page.goto(`${server.url}/console/`);
    await page.getByRole("link", { name: "Resolved" }).click();
    await page.getByText("No resolved tickets").waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("resolved");
    await page.goBack();
    await row(tickets.replay.reference).waitFor();
    await page.goto(`${server.url}/console/?status=open`);
    await row(tickets.pending.reference).waitFor();
  });

  test("opening a ticket shows what the customer wrote and what the widget captured", async () => {
    await page.goto(`${server.url}/console/`);
    await row(tickets.replay.reference).getByRole("link", { name: "Export to CSV does nothing" }).click();
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/tickets/${tickets.replay.id}`);

    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("The board meeting is in an hour.");
    const text = (await main.textContent()) ?? "";
    for (const expected of [
      tickets.replay.reference,
      "jamie@northwind.example",
      "Jamie Rivera",
      "https://app.northwind.example/reports?tab=export",
      "Europe/London",
      "acct_42",
    ]) {
      expect(text).toContain(expected);
    }

    const clicks = page.getByRole("region", { name: /^Clicks/ });
    expect(await clicks.locator("tbody tr").count()).toBe(3);
    const rage = clicks.locator("tbody tr", { hasText: "Export to CSV" });
    expect(await rage.textContent()).toContain("button#export-csv");
    expect(await rage.textContent()).toContain("Rage click");
    expect(await clicks.locator("tbody tr", { hasText: "span.hint" }).textContent()).toContain("Dead click");

    const failed = page.getByRole("region", { name: /^Failed requests/ });
    const failedText = await failed.textContent();
    expect(failedText).toContain("POST");
    expect(failedText).toContain("https://api.northwind.example/v2/reports/export");
    expect(failedText).toContain("500");

    const consoleErrors = page.getByRole("region", { name: /^Console errors/ });
    expect(await consoleErrors.textContent()).toContain("Cannot read properties of undefined");
    const stack = consoleErrors.getByText("at exportCsv");
    expect(await stack.isVisible()).toBe(false); // collapsed until asked for
    await consoleErrors.getByText("Stack trace").click();
    expect(await stack.isVisible()).toBe(true);

    expect(await page.getByRole("region", { name: /^Navigation/ }).textContent()).toContain("Route change");

    // The customer's other tickets are one click away: the queue, searched for their address.
    await page.getByRole("link", { name: "All tickets from jamie@northwind.example" }).click();
    await row(tickets.replay.reference).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("jamie@northwind.example");
    expect(await page.getByRole("searchbox", { name: "Search tickets" }).inputValue()).toBe("jamie@northwind.example");
    expect(errors).toEqual([]);
  });

  test("the recording replays in a sandboxed frame and a click seeks to its moment", async () => {
    await page.goto(`${server.url}/console/tickets/${tickets.replay.id}`);
    const frame = page.locator(".replay__player iframe");
    await frame.waitFor();
    expect(await frame.getAttribute("sandbox")).toBe("allow-same-origin");
    await page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();

    // The rage click happened 20 s into the 30 s recording.
    await page
      .getByRole("button", { name: /Show click at .* in the replay/ })
      .nth(1)
      .click();
    await expect.poll(() => page.locator(".rr-timeline__time").first().textContent()).toBe("00:20");
    expect(errors).toEqual([]);
  });

  test("tickets without a usable recording say why", async () => {
    await page.goto(`${server.url}/console/tickets/${tickets.pending.id}`);
    // Filed seconds ago with a promised recording that never came: still within the upload grace period.
    await page.getByText("Recording uploading from the customer's browser").waitFor();
    await page.goto(`${server.url}/console/tickets/${tickets.none.id}`);
    await page.getByText("No recording was sent").waitFor();
    expect(await page.getByRole("region", { name: /^Clicks/ }).textContent()).toContain("No clicks were captured.");
    expect(await page.locator("iframe").count()).toBe(0);
  });

  test("an unknown ticket id says the ticket was not found", async () => {
    await page.goto(`${server.url}/console/tickets/00000000-0000-4000-8000-000000000000`);
    await page.getByRole("heading", { level: 1, name: "Ticket not found" }).waitFor();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Request ID: \S+/);
  });
});
