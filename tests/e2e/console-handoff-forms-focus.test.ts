import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ESCALATION_PATHS } from "../../shared/index.js";
import {
  adminCookie,
  EXPORT_HANDOFF,
  fileTicket,
  logIn,
  newPage,
  postAsAgent,
  richTicket,
} from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Tier 2 works at the keyboard too: "Send back…" and "Move down a tier…" open a form whose field takes focus (as the
// Escalate form does), and Cancel puts focus back on the button that opened it, instead of dropping it on the page;
// sending it back puts focus on the handoff card that says so.
describe.skipIf(!HAS_BROWSER)("console: the send-back and move-down forms take focus", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.id ? `#${el.id}` : `${el?.tagName} ${el?.textContent?.trim().slice(0, 40)}`;
    });

  test("opening focuses the form's field; Cancel gives focus back to the opener", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const cookie = await adminCookie(server);
    const res = await postAsAgent(server, cookie, ESCALATION_PATHS.escalations(ticket.id), EXPORT_HANDOFF);
    expect(res.status, await res.clone().text()).toBe(201);

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.locator("section.handoff").first().waitFor();

    await page.getByRole("button", { name: "Send back…" }).click();
    await page.getByRole("textbox", { name: "What is missing?" }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^#bounce-/);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page)).toBe("BUTTON Send back…");

    await page.getByRole("button", { name: "Move down a tier…" }).click();
    await expect.poll(() => focused(page)).toBe("#deesc-tier");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page)).toBe("BUTTON Move down a tier…");

    // Sending it back removes "Send back…": the keyboard lands on the card that now says so, and it is read out.
    await page.getByRole("button", { name: "Send back…" }).click();
    await page.getByRole("textbox", { name: "What is missing?" }).fill("Which account id?");
    await page.getByRole("button", { name: /^Send back to / }).click();
    await page.getByText("Sent back by Admin").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.matches("section.handoff.handoff--bounced")))
      .toBe(true);
    await expect.poll(() => page.getByTestId("announcer").textContent()).toBe("Sent back to Admin");
    expect(errors).toEqual([]);
    await close();
  });
});
