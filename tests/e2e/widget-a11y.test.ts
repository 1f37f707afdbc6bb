import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { ticketEvents } from "../../server/db/schema.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { type AxeFinding, seriousViolations } from "./console-axe.js";
import { adminCookie } from "./console-fixtures.js";
import { fillForm, form, hostPage, openWidget, ticketRequest, widgetPage } from "./widget-fixtures.js";

/** PATCH on the agent API, logged in as the admin. */
async function agentPatch(server: TestServer, path: string, body: unknown): Promise<number> {
  const origin = new URL(server.url).origin;
  const cookie = await adminCookie(server);
  const response = await fetch(`${server.url}${path}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", Cookie: cookie, Origin: origin },
    body: JSON.stringify(body),
  });
  return response.status;
}

/**
 * axe-core over the widget's views on the demo page (the widget renders in an open shadow root, which axe walks):
 * the launcher, the form, sending, done, the conversation list, a thread and the feedback questions.
 */
describe.skipIf(!HAS_BROWSER)("widget: axe finds no serious or critical violations", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("every widget view on the demo page", async () => {
    const { page, errors, close } = await widgetPage(browser);
    const found: Record<string, AxeFinding[]> = {};
    const check = async (view: string) => {
      // The dialog fades in (150 ms): axe would measure the contrast of text still half transparent.
      await page.evaluate(() =>
        Promise.all(
          (document.getElementById("handoff-widget")?.shadowRoot?.getAnimations() ?? []).map((a) => a.finished),
        ),
      );
      found[view] = await seriousViolations(page);
    };
    try {
      await page.goto(`${server.url}/demo/`);
      await page.getByRole("button", { name: /Help/ }).waitFor();
      await check("launcher");

      await openWidget(page);
      await check("form");
      await form(page).getByRole("button", { name: "Send" }).click();
      await form(page).getByRole("alert").first().waitFor();
      await check("form-errors");

      // Sending: the server answers late.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/api/v1/widget/tickets", async (route) => {
        await held;
        await route.continue();
      });
      await fillForm(page, "Export to CSV does nothing");
      const request = ticketRequest(page);
      await form(page).getByRole("button", { name: "Send" }).click();
      await request;
      await check("sending");
      release();
      await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
      const { id } = (await (await (await request).response())!.json()) as { id: string };
      await page.unroute("**/api/v1/widget/tickets");
      await check("done");

      await form(page).getByRole("button", { name: "Your conversations" }).click();
      await form(page).locator(".cl li").first().waitFor();
      await check("conversations");

      await form(page)
        .getByRole("button", { name: /Export to CSV does nothing/ })
        .click();
      await form(page).getByRole("list", { name: "Export to CSV does nothing" }).waitFor();
      await check("thread");

      // Feedback: the escalated ticket is resolved; the open thread learns of it from its poll.
      await server.database.db.insert(ticketEvents).values({
        workspaceId: server.bootstrap.workspace.id,
        ticketId: id,
        type: "escalated",
        actorType: "system",
        details: {},
      });
      expect(await agentPatch(server, `/api/v1/tickets/${id}`, { status: "resolved" })).toBe(200);
      const questions = form(page).getByRole("form", { name: "Before you go: how did it go?" });
      await questions.waitFor({ timeout: 20_000 });
      await check("feedback");
      await questions.getByRole("button", { name: "Send feedback" }).click();
      await questions.getByRole("alert").first().waitFor();
      await check("feedback-errors");

      console.log(
        `[axe] widget serious+critical per view: ${Object.entries(found)
          .map(([view, list]) => `${view}=${list.length}`)
          .join(", ")}`,
      );
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 90_000);

  test("in forced colors (Windows high contrast) the launcher and the dialog keep a visible edge", async () => {
    const context = await browser.newContext({ forcedColors: "active" });
    const page = await context.newPage();
    try {
      await hostPage(page, server, "", "<h1>Billing</h1>");
      await openWidget(page);
      // High contrast drops backgrounds and shadows: without a border of their own, the launcher reads as plain
      // text and the dialog's text runs into the page's.
      const edges = await page.evaluate(() =>
        [".l", ".d"].map((selector) => {
          const style = getComputedStyle(
            document.getElementById("handoff-widget")!.shadowRoot!.querySelector(selector)!,
          );
          return { selector, style: style.borderTopStyle, width: style.borderTopWidth, color: style.borderTopColor };
        }),
      );
      for (const edge of edges) {
        expect(edge.style, edge.selector).toBe("solid");
        expect(Number.parseFloat(edge.width), edge.selector).toBeGreaterThanOrEqual(1);
        expect(edge.color, edge.selector).not.toBe("rgba(0, 0, 0, 0)");
      }
    } finally {
      await context.close();
    }
  });

  test("in forced colors the current tab stands out and each message in a thread has an edge", async () => {
    const context = await browser.newContext({ forcedColors: "active" });
    const page = await context.newPage();
    try {
      await hostPage(page, server, "", "<h1>Billing</h1>");
      await openWidget(page);
      await fillForm(page, "Seats are wrong", "We have 12 seats, the page says 10");
      await form(page).getByRole("button", { name: "Send" }).click();
      await form(page).getByRole("button", { name: "View conversation" }).click();
      await form(page).getByRole("list", { name: "Seats are wrong" }).locator("li").first().waitFor();
      const look = await page.evaluate(() => {
        const root = document.getElementById("handoff-widget")!.shadowRoot!;
        const border = (el: Element) => {
          const style = getComputedStyle(el);
          return `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor === "rgba(0, 0, 0, 0)" ? "transparent" : "shown"}`;
        };
        const tabs = [...root.querySelectorAll(".t button")];
        return {
          current: tabs.filter((b) => b.getAttribute("aria-pressed") === "true").map(border),
          others: tabs.filter((b) => b.getAttribute("aria-pressed") !== "true").map(border),
          message: border(root.querySelector(".ms li")!),
        };
      });
      // Backgrounds are gone in high contrast: the current tab must differ by more than its background.
      expect(look.current).toEqual(["2px solid shown"]);
      expect(look.others).toEqual(["1px solid shown"]);
      expect(look.message).toBe("1px solid shown");
    } finally {
      await context.close();
    }
  });
});
