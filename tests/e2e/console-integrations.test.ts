import type { Browser } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// What an admin connects to Handoff from Admin: a script with an API token, a service with a webhook.
describe.skipIf(!HAS_BROWSER)("console: an admin sets up API tokens and webhooks", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver?.close());

  test("an admin creates a token, sees it once, a script uses it, and revoking it locks the script out", async () => {
    const { page, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const section = page.locator("#api-tokens");
    await section.getByLabel("Token name").fill("Nightly sync");
    await section.getByRole("button", { name: "Create token" }).click();
    const token = (await section.locator("code.mono").textContent())!.trim();
    expect(token).toMatch(/^hot_/);
    const call = () => fetch(`${server.url}/api/v1/tickets`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);

    await section.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => section.locator("code.mono").count()).toBe(0);
    expect(await section.textContent()).not.toContain(token);
    page.once("dialog", (dialog) => void dialog.accept());
    await section.getByRole("button", { name: "Revoke Nightly sync" }).click();
    await section.getByText("revoked").waitFor();
    expect((await call()).status).toBe(401);
    await close();
  });

  test("adds an endpoint, sends a test event, sees it in the delivery log and redelivers it", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, server, "/console/admin");
    const page = admin.page;
    const allowPrivate = page.getByLabel(
      "Allow webhooks to private and loopback addresses (self-hosted receivers only)",
    );
    await allowPrivate.check();
    await expect.poll(() => allowPrivate.isChecked()).toBe(true);
    await expect.poll(() => allowPrivate.isDisabled()).toBe(false);

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("CRM sync");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.locator(".webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole("button", { name: "Send test event" }).click();
    const log = page.getByRole("table", { name: "Delivery log" });
    await expect.poll(() => log.locator("tbody tr").first().textContent(), { timeout: 20_000 }).toContain("succeeded");
    expect(await log.locator("tbody tr").first().textContent()).toContain("webhook.test");
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0]!;
    expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toMatchObject({
      type: "webhook.test",
    });

    await log.getByRole("button", { name: "Redeliver" }).first().click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await expect
      .poll(() => log.locator("tbody tr").first().locator("td").nth(2).textContent(), { timeout: 10_000 })
      .toBe("2");
    expect(admin.errors).toEqual([]);
    await admin.close();
  });
});
