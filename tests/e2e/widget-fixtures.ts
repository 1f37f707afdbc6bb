import { expect } from "vitest";
import type { Browser, BrowserContextOptions, Locator, Page, Request } from "playwright-core";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import type { TicketList, TicketSummary } from "../../shared/agent-api.js";
import { adminCookie } from "./console-fixtures.js";
import type { TestServer } from "./harness.js";

/** A fresh page (in a context of its own: a phone's, when told) that collects page errors. */
export async function widgetPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** The widget's dialog: host pages have their own "Email" fields, so look inside it. */
export const form = (page: Page) => page.getByRole("dialog");

/** Pastes a red PNG (120x80 unless said) named `name` into `field`, as a customer pastes a screenshot. */
export function pasteScreenshot(field: Locator, name = "chart.png", width = 120, height = 80): Promise<void> {
  return field.evaluate(
    async (target, [fileName, w, h]) => {
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [w, h];
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#e11d48";
      g.fillRect(0, 0, w, h);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
      const data = new DataTransfer();
      data.items.add(new File([blob], fileName, { type: "image/png" }));
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, composed: true }));
    },
    [name, width, height] as const,
  );
}

export async function openWidget(page: Page) {
  await page.getByRole("button", { name: /Help/ }).click();
  await page.getByRole("dialog").waitFor();
}

/** The form's preview line names the recording length once the (lazily loaded) recorder has a full snapshot. */
export function previewText(page: Page): Promise<string> {
  return page
    .locator("#ho-preview")
    .textContent()
    .then((t) => t ?? "");
}

export function ticketRequest(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/api/v1/widget/tickets"));
}

export function recordingRequest(page: Page): Promise<Request> {
  return page.waitForRequest(
    (r) => r.method() === "PUT" && /\/api\/v1\/widget\/tickets\/[^/]+\/recording$/.test(r.url()),
  );
}

/** GET on the agent API, logged in as the admin (as the console would be). */
export async function agentGet<T>(server: TestServer, path: string): Promise<T> {
  const origin = new URL(server.url).origin;
  const cookie = await adminCookie(server);
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie, Origin: origin } });
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** The recording as the server stored it, fetched through the agent API (as the console would). */
export function storedRecording(server: TestServer, ticketId: string): Promise<{ type: number; timestamp: number }[]> {
  return agentGet(server, `/api/v1/tickets/${ticketId}/recording`);
}

/** Tickets with this subject, as agents see them. */
export async function ticketsWithSubject(server: TestServer, subject: string): Promise<TicketSummary[]> {
  const list = await agentGet<TicketList>(server, "/api/v1/tickets?limit=200");
  return list.tickets.filter((t) => t.subject === subject);
}

/** How many submissions wait in the widget's IndexedDB outbox on this page's origin. */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("handoff-outbox", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("items", { keyPath: "key" });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("items").objectStore("items").count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Fills the three required fields of the open form. */
export async function fillForm(page: Page, subject: string, description = "Steps in the recording") {
  const email = form(page).getByLabel("Email", { exact: true });
  if (!(await email.inputValue())) await email.fill("customer@northwind.example");
  await form(page).getByLabel("Subject").fill(subject);
  await form(page).getByLabel("Description").fill(description);
}

/** A host page of our own (served through request interception) with a customised script tag. */
export async function hostPage(
  page: Page,
  server: TestServer,
  attributes: string,
  body: string,
  path = "/demo/host-page",
) {
  const url = `${server.url}${path}`;
  await page.route(
    (u) => u.pathname === "/demo/host-page",
    (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>${body}
        <script src="/widget.js" data-site-key="pk_demo" ${attributes} async></script></body></html>`,
      }),
  );
  await page.goto(url);
}

/**
 * Waits until the capture chunk (loaded just after the launcher shows) follows the page's route changes: on a busy
 * machine a test that clicks a link the moment the launcher shows would otherwise race it.
 */
export async function waitForCapture(page: Page) {
  await page.waitForFunction(() => !String(history.pushState).includes("[native code]"), null, { timeout: 15_000 });
}

/** Opens the form and waits until the lazily loaded recorder has a full snapshot, then closes it again. */
export async function waitForRecorder(page: Page) {
  await openWidget(page);
  await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);
  await page.keyboard.press("Escape");
}

/** Sends a ticket from the open form; returns the body the widget posted and the ticket id. */
export async function sendTicket(page: Page, subject: string) {
  await fillForm(page, subject);
  const [request] = await Promise.all([ticketRequest(page), form(page).getByRole("button", { name: "Send" }).click()]);
  await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
  const created = (await (await request.response())!.json()) as { id: string };
  return { body: request.postDataJSON() as TicketCreateInput, id: created.id };
}
