import type { Database } from "../../server/db/client.js";
import { createApp } from "../../server/app.js";
import { loadConfig, type Config } from "../../server/config.js";
import { bootstrapInstall } from "../../server/services/workspace/bootstrap-install.js";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import type { BlobStore } from "../../server/storage/blob-store.js";

export const ORIGIN = "http://localhost";
export const CUSTOMER_ORIGIN = "https://app.customer.example";
export const ADMIN = { email: "admin@example.com", password: "correct horse battery staple" };

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The real app on a fresh database, bootstrapped as a start would (workspace, admin, the demo key while demo is on) and helpers that speak HTTP to it. */
export async function createTestApp(database: Database, overrides: Partial<Config> = {}, blobs?: BlobStore) {
  const config: Config = { ...loadConfig({}), publicUrl: ORIGIN, ...overrides };
  const { workspace } = await bootstrapInstall(database.db, {
    siteKey: config.siteKey,
    demoSiteKey: config.demo ? config.demoSiteKey : undefined,
    allowedOrigins: [CUSTOMER_ORIGIN],
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const app = createApp({ database, config, blobs });
  const request = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);

  async function login(credentials = ADMIN): Promise<string> {
    const res = await request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify(credentials),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    return res.headers.get("set-cookie")!.split(";")[0]!;
  }

  function createTicket(body: TicketCreateInput, headers: Record<string, string> = {}) {
    return request("/api/v1/widget/tickets", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: CUSTOMER_ORIGIN,
        "X-Handoff-Key": workspace.siteKey,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  }

  return { app, config, workspace, database, request, login, createTicket };
}

export function ticketBody(overrides: Partial<TicketCreateInput> = {}): TicketCreateInput {
  return {
    email: "jamie@northwind.example",
    subject: "Export fails",
    description: "Clicking Export on the reports page does nothing.",
    pageUrl: "https://app.customer.example/reports",
    pageTitle: "Reports · Acme",
    context: {
      clicks: [
        { t: 1_700_000_000_000, selector: "button#export", tag: "button", text: "Export", x: 10, y: 20, rage: true },
      ],
      navigation: [{ t: 1_699_999_990_000, url: "https://app.customer.example/reports", kind: "pushState" }],
      console: [{ t: 1_700_000_000_100, level: "error", message: "Export failed: 500" }],
      network: [
        {
          t: 1_700_000_000_050,
          method: "POST",
          url: "https://app.customer.example/api/export",
          status: 500,
          durationMs: 120,
        },
      ],
      metadata: { accountId: "acc_42" },
    },
    recording: { included: true, durationMs: 60_000, eventCount: 3 },
    ...overrides,
  };
}

/** A small but replayable rrweb recording: Meta, FullSnapshot, one incremental event. */
export function sampleEvents(start = 1_700_000_000_000) {
  return [
    { type: 4, timestamp: start, data: { href: "https://app.customer.example/reports", width: 1280, height: 720 } },
    {
      type: 2,
      timestamp: start + 1,
      data: { node: { type: 0, id: 1, childNodes: [] }, initialOffset: { top: 0, left: 0 } },
    },
    { type: 3, timestamp: start + 5000, data: { source: 2, type: 2, id: 1, x: 10, y: 20 } },
  ];
}
