import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER } from "./harness.js";
import type { Locator } from "playwright-core";
import { fillForm, form, openWidget, outboxCount, pasteScreenshot } from "./widget-fixtures.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";

/** The first pixel and width of a preview, however it is drawn (an <img> or, under a strict img-src, a canvas). */
const drawn = (preview: Locator) =>
  preview.evaluate((el) => {
    const canvas = el instanceof HTMLCanvasElement ? el : document.createElement("canvas");
    if (el instanceof HTMLImageElement) {
      [canvas.width, canvas.height] = [el.naturalWidth, el.naturalHeight];
      if (el.naturalWidth) canvas.getContext("2d")!.drawImage(el, 0, 0);
    }
    if (!canvas.width || !canvas.height) return "nothing";
    return `${canvas.width} ${[...canvas.getContext("2d")!.getImageData(0, 0, 1, 1).data].join(",")}`;
  });

/** Pages whose Content-Security-Policy leaves out what the widget needs beyond its script: it must still work. */
describe.skipIf(!HAS_BROWSER)("pages whose Content-Security-Policy is stricter than the widget's needs", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  // The developer let the widget's script in (script-src) but not its requests (connect-src): every request fails as
  // if offline. The customer must not be promised a send that can never happen, and the developer must learn the fix.
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

  test("img-src without blob: (default-src 'self'): a pasted screenshot is still previewed, in the form and the thread", async () => {
    const widget = new URL(site.server.url).origin;
    const { page, errors, close } = await site.open("/csp-no-blob-images", {
      headers: {
        "Content-Security-Policy": `default-src 'self'; script-src 'self' ${widget}; connect-src 'self' ${widget}`,
      },
    });
    await openWidget(page);
    await fillForm(page, "Chart is blank", "See the screenshot");
    await pasteScreenshot(form(page).getByLabel("Description"));
    const preview = form(page).locator('li[data-file="chart.png"]').locator("img, canvas");
    await expect.poll(() => drawn(preview)).toBe("120 225,29,72,255");

    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByRole("button", { name: "View conversation" }).click();
    const theirs = form(page).getByRole("list", { name: "Files in this conversation" }).getByRole("img", {
      name: "chart.png",
    });
    await expect.poll(() => drawn(theirs), { timeout: 15_000 }).toBe("120 225,29,72,255");
    expect(errors).toEqual([]);
    await close();
  });
});
