import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER } from "./harness.js";
import { fillForm, form, openWidget, outboxCount } from "./widget-fixtures.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";

/**
 * The developer let the widget's script in (script-src) but not its requests (connect-src): every request fails as
 * if offline. The customer must not be promised a send that can never happen, and the developer must learn the fix.
 */
describe.skipIf(!HAS_BROWSER)("a page whose Content-Security-Policy blocks the Handoff server", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  test("the customer is told this page blocks sending (the message stays saved); the console names the directive", async () => {
    const widget = new URL(site.server.url).origin;
    const { page, errors, close } = await site.open("/csp-no-connect", {
      headers: { "Content-Security-Policy": `default-src 'self'; script-src 'self' ${widget}; connect-src 'self'` },
    });
    const told: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().startsWith("[Handoff]")) told.push(m.text());
    });
    await openWidget(page);
    await fillForm(page, "Export fails", "The export button does nothing");
    await form(page).getByRole("button", { name: "Send" }).click();

    await form(page).getByRole("heading", { name: "This page blocks sending" }).waitFor();
    const status = (await form(page).getByRole("status").textContent()) ?? "";
    expect(status).toContain("cannot be sent from here");
    expect(status).toContain("saved on this device");
    expect(await form(page).textContent()).not.toContain("when you're back online");
    expect(await outboxCount(page)).toBe(1);
    expect(told).toEqual([expect.stringContaining(`Add it to the page's policy: connect-src ${widget}`)]);

    // The next visit tries the saved message again, and the developer is told again.
    told.length = 0;
    await page.reload();
    await expect.poll(() => told.length, { timeout: 15_000 }).toBe(1);
    expect(told[0]).toContain(`connect-src ${widget}`);
    expect(await outboxCount(page)).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});
