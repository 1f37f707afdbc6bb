import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { messages, ticketEvents } from "../../server/db/schema.js";
import { adminCookie } from "./console-fixtures.js";
import { HAS_BROWSER } from "./harness.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";
import { form, openWidget, sendTicket } from "./widget-fixtures.js";

/** Puts text and a picture of it on the clipboard, as Excel or Word copy a table, and pastes it with Ctrl+V. */
async function pasteFromSpreadsheet(page: Page, text: string) {
  await page.evaluate(async (copied) => {
    const canvas = Object.assign(document.createElement("canvas"), { width: 60, height: 20 });
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
    const plain = new Blob([copied], { type: "text/plain" });
    await navigator.clipboard.write([new ClipboardItem({ "text/plain": plain, "image/png": png })]);
  }, text);
  await page.keyboard.press("Control+V");
}

/** A 1x1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** The widget's element that has the keyboard's focus ("" when the focus left the widget for the page). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.getElementById("handoff-widget")?.shadowRoot?.activeElement;
    return active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}` : "";
  });

/**
 * A customer on someone else's site (a host page on another origin) on day twelve of QA: a phone held sideways, a
 * table pasted from a spreadsheet, a thread followed with the keyboard and a screen reader, files the server refuses.
 */
describe.skipIf(!HAS_BROWSER)("widget: a customer on a third-party page (day twelve)", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  /** The dialog's box in CSS pixels, and the window's. */
  const dialogBox = (page: Page) =>
    page.evaluate(() => {
      const r = document.getElementById("handoff-widget")!.shadowRoot!.querySelector(".d")!.getBoundingClientRect();
      return { top: Math.round(r.top), height: Math.round(r.height), window: innerHeight };
    });

  test("a phone held sideways, then the keyboard open: the form fills what is left of the screen, the field typed into on it", async () => {
    const phone = { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true };
    const meta = '<meta name="viewport" content="width=device-width, initial-scale=1">';
    const { page, errors, close } = await site.open("/landscape", { head: meta }, phone);
    await page.getByRole("button", { name: /Help/ }).tap();
    await form(page).waitFor();
    await expect.poll(() => dialogBox(page)).toEqual({ top: 0, height: 390, window: 390 });

    // The keyboard takes the bottom of the screen (headless Chromium has none: the window shrinks, as with
    // interactive-widget=resizes-content): was a 70px box with the subject field scrolled out of it.
    const subject = form(page).getByLabel("Subject");
    await subject.tap();
    await page.setViewportSize({ width: 844, height: 170 });
    await expect.poll(() => dialogBox(page)).toEqual({ top: 0, height: 170, window: 170 });
    await subject.fill("Export fails on my phone");
    const field = await subject.evaluate((el) => el.getBoundingClientRect());
    expect(field.top).toBeGreaterThanOrEqual(0);
    expect(field.bottom).toBeLessThanOrEqual(170);
    expect(errors).toEqual([]);
    await close();
  });

  test("a table copied from a spreadsheet pasted into the description: the text goes in, no picture of it is attached", async () => {
    const { page, errors, close } = await site.open("/paste", {});
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    await openWidget(page);
    const description = form(page).getByLabel("Description");
    await description.focus();
    await pasteFromSpreadsheet(page, "Invoice\tAmount\nINV-2041\t1,200.00");
    await expect.poll(() => description.inputValue()).toBe("Invoice\tAmount\nINV-2041\t1,200.00");
    // was: the description stayed empty and "image.png" was listed under the attachments
    await page.waitForTimeout(300);
    expect(await form(page).getByRole("list", { name: "Attached files" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("an empty file picked for the ticket: the refusal says it is empty (0 MB), not only 'type or size'", async () => {
    const { page, errors, close } = await site.open("/empty-file", {});
    await openWidget(page);
    await form(page)
      .locator("#ho-files")
      .setInputFiles([{ name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) }]);
    // was "Not attached (type or size, max 10 MB): export.csv", for a CSV of neither a wrong type nor too big
    await expect.poll(() => form(page).getByRole("alert").textContent()).toContain("export.csv (0 MB)");
    expect(errors).toEqual([]);
    await close();
  });

  describe("following the conversation with the keyboard and a screen reader", () => {
    let page: Page;
    let close: () => Promise<void>;
    let ticketId: string;
    let cookie: string;
    const agent = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${site.server.url}${path}`, {
        method,
        headers: { "Content-Type": "application/json", Origin: site.server.url, Cookie: cookie },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
    };

    beforeAll(async () => {
      ({ page, close } = await site.open("/account", { body: "<h1>Account</h1>" }));
      cookie = await adminCookie(site.server);
      await openWidget(page);
      ticketId = (await sendTicket(page, "Seats count is wrong")).id;
      await form(page).getByRole("button", { name: "View conversation" }).click();
      await form(page).getByText("Steps in the recording").waitFor();
    });
    afterAll(() => close?.());

    /** The widget open on this ticket's thread, whatever the test before left on screen. */
    async function openThread() {
      if (!(await form(page).isVisible())) await openWidget(page);
      if (await form(page).getByLabel("Your reply").isVisible()) return;
      await form(page)
        .getByRole("button", { name: /^Your conversations/ })
        .click();
      await form(page)
        .getByRole("button", { name: /Seats count is wrong/ })
        .click();
      await form(page).getByLabel("Your reply").waitFor();
    }

    test("a reply sent from the keyboard: the focus stays in the widget (back in the reply box), and Escape closes it", async () => {
      await openThread();
      await form(page).getByLabel("Your reply").fill("It says 10, we have 12.");
      await form(page).getByRole("button", { name: "Send reply" }).focus();
      await page.keyboard.press("Enter");
      await form(page).locator("li", { hasText: "It says 10, we have 12." }).waitFor();
      // was "": Send was disabled on its way out, the focus went to the page and Escape no longer closed the widget
      await expect.poll(() => focused(page)).toBe("textarea#ho-reply");
      await page.keyboard.press("Escape");
      await form(page).waitFor({ state: "hidden" });
    });

    test("support's reply arriving while the thread is open is read out, with who wrote it", async () => {
      await openThread();
      await agent("POST", `/api/v1/tickets/${ticketId}/messages`, { body: "Recounted: 12 seats.", internal: false });
      await form(page).locator("li", { hasText: "Recounted: 12 seats." }).waitFor();
      // was: no live region said anything; the reply was added to the list in silence
      await expect
        .poll(() => form(page).getByRole("status").allTextContents())
        .toContain("Admin: Recounted: 12 seats.");
    });

    test("a table pasted into the reply box: the text goes in, no picture of it is attached to the thread", async () => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
      await openThread();
      const reply = form(page).getByLabel("Your reply");
      await reply.focus();
      await pasteFromSpreadsheet(page, "Seats\t12");
      await expect.poll(() => reply.inputValue()).toBe("Seats\t12");
      await page.waitForTimeout(1_000);
      expect(await form(page).getByRole("list", { name: "Files in this conversation" }).count()).toBe(0);
      await reply.fill("");
    });

    test("three files picked in the thread, two the widget cannot take: both are named, the third is attached", async () => {
      await openThread();
      await form(page)
        .locator("#ho-thread-files")
        .setInputFiles([
          { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
          { name: "IMG_0412.heic", mimeType: "image/heic", buffer: Buffer.from("heic") },
          { name: "seats.csv", mimeType: "text/csv", buffer: Buffer.from("seat,user\n1,ana\n") },
        ]);
      const files = form(page).getByRole("list", { name: "Files in this conversation" });
      await files.getByRole("button", { name: "seats.csv" }).waitFor();
      // was: "Not attached (…): IMG_0412.heic" alone, setup.exe never mentioned
      const alert = await form(page).getByRole("alert").textContent();
      expect(alert).toContain("setup.exe");
      expect(alert).toContain("IMG_0412.heic");
    });

    test("a file attached in the thread while offline: the customer is told to check the connection, not 'Failed to fetch'", async () => {
      await openThread();
      await page.context().setOffline(true);
      try {
        await form(page)
          .locator("#ho-thread-files")
          .setInputFiles([{ name: "error-dialog.png", mimeType: "image/png", buffer: PNG }]);
        const alert = form(page).getByRole("alert");
        await expect.poll(() => alert.textContent()).toContain("error-dialog.png: We couldn't reach support.");
        expect(await alert.textContent()).not.toContain("Failed to fetch");
      } finally {
        await page.context().setOffline(false);
      }
    });

    test("the feedback questions: an unanswered one is highlighted when sent; answered from the keyboard, the focus moves to the thanks", async () => {
      await openThread();
      const workspaceId = site.server.bootstrap.workspace.id;
      await site.server.database.db
        .insert(ticketEvents)
        .values({ workspaceId, ticketId, type: "escalated", actorType: "system", details: {} });
      await agent("PATCH", `/api/v1/tickets/${ticketId}`, { status: "resolved" });
      const questions = form(page).getByRole("form", { name: "Before you go: how did it go?" });
      await questions.waitFor({ timeout: 15_000 });
      // Sent with one question unanswered: "Please fix the highlighted fields", and that one is highlighted (was:
      // nothing was), the keyboard on it.
      await questions.getByRole("group", { name: "Was it resolved in a reasonable time?" }).getByLabel("Yes").check();
      await questions.getByRole("button", { name: "Send feedback" }).click();
      await questions.getByRole("alert").getByText("Please fix the highlighted fields.").waitFor();
      const repeated = questions.getByRole("group", { name: "Did you have to repeat yourself?" });
      expect(await repeated.getAttribute("aria-invalid")).toBe("true");
      expect(await repeated.getByLabel("Yes").getAttribute("aria-invalid")).toBe("true");
      expect(
        await questions
          .getByRole("group", { name: "Was it resolved in a reasonable time?" })
          .getAttribute("aria-invalid"),
      ).toBeNull();
      expect(await repeated.evaluate((el) => getComputedStyle(el).borderStyle)).toBe("solid");
      await expect.poll(() => focused(page)).toBe("input");
      await questions.getByRole("group", { name: "Did you have to repeat yourself?" }).getByLabel("No").check();
      expect(await repeated.getAttribute("aria-invalid")).toBeNull();
      await questions.getByRole("group", { name: "Was it resolved in a reasonable time?" }).getByLabel("Yes").check();
      await questions.getByRole("button", { name: "Send feedback" }).focus();
      await page.keyboard.press("Enter");
      await form(page).getByText("Thanks for your feedback!").waitFor();
      // was "": the questions and their Send button went away, and the focus with them to the page
      await expect.poll(() => focused(page)).toBe("p");
      await page.keyboard.press("Escape");
      await form(page).waitFor({ state: "hidden" });
    });

    test("a long thread's earlier messages loaded from the keyboard: the focus goes to the thread's title, not the page", async () => {
      // 110 replies older than the conversation so far: the thread opens on the newest 100.
      const start = Date.now() - 3_600_000;
      await site.server.database.db.insert(messages).values(
        Array.from({ length: 110 }, (_, i) => ({
          ticketId,
          authorType: "agent" as const,
          body: `Earlier reply ${i + 1}`,
          createdAt: new Date(start + i * 10),
        })),
      );
      await page.reload();
      await openThread();
      await form(page).getByRole("button", { name: "Show earlier messages" }).focus();
      await page.keyboard.press("Enter");
      await form(page).getByText("Earlier reply 1", { exact: true }).waitFor();
      // was "": the button went away with its last page, and the focus with it to the page
      await expect.poll(() => focused(page)).toBe("h2#ho-title");
      await page.keyboard.press("Escape");
      await form(page).waitFor({ state: "hidden" });
    });
  });
});
