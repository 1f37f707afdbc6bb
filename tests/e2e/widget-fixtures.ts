import type { Browser, Page, Request } from "playwright-core";
import type { TestServer } from "./harness.js";

/** A fresh page that collects page errors, with helpers to reach into the widget's (open) shadow root. */
export async function widgetPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** The widget's dialog: host pages have their own "Email" fields, so look inside it. */
export const form = (page: Page) => page.getByRole("dialog");

export async function openWidget(page: Page) {
  await page.getByRole("button", { name: /Help/ }).click();
  await page.getByRole("dialog").waitFor();
}

/** The form's preview line names the recording length once the (lazily loaded) recorder has a full snapshot. */
export function previewText(page: Page): Promise<string> {
  return page.locator("#ho-preview").textContent().then((t) => t ?? "");
}

export function ticketRequest(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/api/v1/widget/tickets"));
}

export function recordingRequest(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "PUT" && /\/api\/v1\/widget\/tickets\/[^/]+\/recording$/.test(r.url()));
}

/** The recording as the server stored it, fetched through the agent API (as the console would). */
export async function storedRecording(server: TestServer, ticketId: string): Promise<{ type: number; timestamp: number }[]> {
  const origin = new URL(server.url).origin;
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify(server.admin),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${server.url}/api/v1/tickets/${ticketId}/recording`, { headers: { Cookie: cookie, Origin: origin } });
  if (!response.ok) throw new Error(`recording not available: ${response.status} ${await response.text()}`);
  return response.json();
}
