import { gzipSync } from "node:zlib";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { WIDGET_HEADERS, WIDGET_PATHS, type TicketCreateInput } from "../../shared/index.js";
import type { TestServer } from "./harness.js";

/** Files a ticket the way the widget does (site key + Origin), optionally uploading a recording. */
export async function fileTicket(
  server: TestServer,
  body: TicketCreateInput,
  recording?: unknown[],
): Promise<{ id: string; reference: string }> {
  const origin = new URL(server.url).origin;
  const res = await fetch(`${server.url}${WIDGET_PATHS.tickets}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: origin,
      [WIDGET_HEADERS.siteKey]: server.bootstrap.workspace.siteKey,
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`ticket not created: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { id: string; reference: string; uploadToken: string };
  if (recording) {
    const upload = await fetch(`${server.url}${WIDGET_PATHS.recording(created.id)}`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        Origin: origin,
        Authorization: `Bearer ${created.uploadToken}`,
      },
      body: gzipSync(JSON.stringify(recording)),
    });
    if (upload.status !== 204) throw new Error(`recording not stored: ${upload.status} ${await upload.text()}`);
  }
  return { id: created.id, reference: created.reference };
}

/** A ticket body with every kind of captured context, its events spread over the 30 s before `sentAt`. */
export function richTicket(sentAt: number, overrides: Partial<TicketCreateInput> = {}): TicketCreateInput {
  return {
    email: "jamie@northwind.example",
    name: "Jamie Rivera",
    subject: "Export to CSV does nothing",
    description: "I click Export on the reports page and nothing happens.\nThe board meeting is in an hour.",
    pageUrl: "https://app.northwind.example/reports?tab=export",
    pageTitle: "Reports · Northwind",
    openedAt: sentAt - 25_000,
    submittedAt: sentAt,
    context: {
      clicks: [
        { t: sentAt - 20_000, selector: "nav > a.reports", tag: "a", text: "Reports", x: 10, y: 10 },
        {
          t: sentAt - 10_000,
          selector: "button#export-csv",
          tag: "button",
          text: "Export to CSV",
          x: 200,
          y: 90,
          rage: true,
        },
        { t: sentAt - 9_000, selector: "div.toolbar > span.hint", tag: "span", x: 5, y: 5, dead: true },
      ],
      navigation: [
        {
          t: sentAt - 20_000,
          url: "https://app.northwind.example/reports?tab=export",
          kind: "pushState",
          title: "Reports",
        },
      ],
      console: [
        {
          t: sentAt - 9_500,
          level: "error",
          kind: "uncaught",
          message: "TypeError: Cannot read properties of undefined (reading 'rows')",
          stack:
            "TypeError: Cannot read properties of undefined (reading 'rows')\n    at exportCsv (https://app.northwind.example/assets/reports.js:120:17)",
        },
      ],
      network: [
        {
          t: sentAt - 9_800,
          method: "POST",
          url: "https://api.northwind.example/v2/reports/export",
          status: 500,
          durationMs: 321,
        },
      ],
      environment: {
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0",
        viewport: { width: 1280, height: 800 },
        devicePixelRatio: 2,
        language: "en-GB",
        timeZone: "Europe/London",
      },
      metadata: { accountId: "acct_42", seats: 12 },
    },
    recording: { included: false },
    ...overrides,
  };
}

/** A replayable rrweb recording of a tiny page, 30 s long, ending at `sentAt`. */
export function recordingEvents(sentAt: number): unknown[] {
  const start = sentAt - 30_000;
  const element = (id: number, tagName: string, childNodes: unknown[], attributes: Record<string, string> = {}) => ({
    type: 2,
    id,
    tagName,
    attributes,
    childNodes,
  });
  const text = (id: number, textContent: string) => ({ type: 3, id, textContent });
  const html = element(3, "html", [
    element(4, "head", []),
    element(5, "body", [
      element(6, "h1", [text(7, "Northwind reports")]),
      element(8, "button", [text(9, "Export to CSV")], { id: "export-csv" }),
    ]),
  ]);
  return [
    { type: 4, timestamp: start, data: { href: "https://app.northwind.example/reports", width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: start + 10,
      data: {
        node: { type: 0, id: 1, childNodes: [{ type: 1, id: 2, name: "html", publicId: "", systemId: "" }, html] },
        initialOffset: { top: 0, left: 0 },
      },
    },
    { type: 3, timestamp: start + 20_000, data: { source: 2, type: 2, id: 8, x: 200, y: 90 } },
    { type: 3, timestamp: sentAt, data: { source: 1, positions: [{ x: 300, y: 300, id: 5, timeOffset: 0 }] } },
  ];
}

/** Logs in through the console's form, as the admin unless another agent's credentials are given. */
export async function logIn(
  page: Page,
  server: TestServer,
  path = "/console/",
  as: { email: string; password: string } = server.admin,
): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel("Email").fill(as.email);
  await page.getByLabel("Password").fill(as.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** The login form sent with Enter, for flows that never click. */
export async function logInByKeyboard(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await page.getByLabel("Email").fill(server.admin.email);
  await page.getByLabel("Password").fill(server.admin.password);
  await page.keyboard.press("Enter");
}

/** What has focus, as a short description: the tag, its accessible label or text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const label =
      el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : "");
    return `${el.tagName.toLowerCase()}:${(label || el.textContent || "").trim()}`;
  });
}

/** A fresh browser context (own cookies) with page errors collected so tests can assert there were none. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** The session cookie of an agent (the admin by default), logged in over the API as the console does. */
export async function agentCookie(
  server: TestServer,
  as: { email: string; password: string } = server.admin,
): Promise<string> {
  const origin = new URL(server.url).origin;
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ email: as.email, password: as.password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export const adminCookie = (server: TestServer): Promise<string> => agentCookie(server);

/** A POST to the agent API with a session cookie, as the console sends it. */
export function postAsAgent(server: TestServer, cookie: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(server.url).origin, Cookie: cookie },
    body: JSON.stringify(body),
  });
}

/** The handoff note of richTicket's failing export, as tier 1 writes it. */
export const EXPORT_HANDOFF = {
  summary: "Export fails with a 500 for Northwind",
  attempted: [{ action: "Retried in another browser", result: "Same 500" }],
  reason: "Server error in the export service",
  customerGoal: "Export the report before the board meeting",
};
