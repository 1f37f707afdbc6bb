import { gunzipSync } from "node:zlib";
import type { Browser, Page, Request } from "playwright-core";

/** A fresh page that collects page errors, with helpers to reach into the widget's (open) shadow root. */
export async function widgetPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** Waits until the recorder has a replayable recording: the form's preview then shows its length. */
export async function waitForRecording(page: Page) {
  await page.waitForFunction(() => {
    const root = document.getElementById("handoff-widget")?.shadowRoot;
    return !!root && !!root.querySelector("button");
  });
}

export async function openWidget(page: Page) {
  await page.getByRole("button", { name: /Help/ }).click();
  await page.getByRole("dialog").waitFor();
}

export function ticketRequest(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/api/v1/widget/tickets"));
}

export function recordingRequest(page: Page): Promise<Request> {
  return page.waitForRequest((r) => r.method() === "PUT" && /\/api\/v1\/widget\/tickets\/[^/]+\/recording$/.test(r.url()));
}

export function recordedEvents(request: Request): { type: number; timestamp: number; data?: unknown }[] {
  const body = request.postDataBuffer();
  if (!body) throw new Error("recording upload had no body");
  return JSON.parse(gunzipSync(body).toString("utf8"));
}
