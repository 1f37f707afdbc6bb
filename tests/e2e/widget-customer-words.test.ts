import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER } from "./harness.js";
import { agentGet, form, openWidget, ticketsWithSubject } from "./widget-fixtures.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";

/**
 * The customer's words on a page of another origin: never cut short, never lost on a bad network, never sent twice.
 * Each test names what a sceptical customer would try.
 */
describe.skipIf(!HAS_BROWSER)("widget: the customer's words are kept whole and sent once", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  const ticketPosts = (page: Page) => {
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/api/v1/widget/tickets")) posts.push(r.url());
    });
    return posts;
  };

  test("a description pasted over 10,000 characters is kept whole and refused with its count, in the page's language", {
    timeout: 90_000,
  }, async () => {
    for (const [locale, labels, message] of [
      ["en", ["Email", "Subject", "Description", "Send"], /Too long: 10,203 characters, at most 10,000\./],
      ["de", ["E-Mail", "Betreff", "Beschreibung", "Senden"], /Zu lang: 10\.203 Zeichen, höchstens 10\.000\./],
    ] as const) {
      const { page, errors, close } = await site.open(`/long-${locale}`, {
        tag: (origin) =>
          `<script src="${origin}/widget.js" data-site-key="pk_demo" data-locale="${locale}" async></script>`,
      });
      const posts = ticketPosts(page);
      await page.getByRole("button", { name: /^(Help|Hilfe)/ }).click();
      const [email, subject, description, send] = labels;
      const long = `${"Step 4 failed. ".repeat(680)}END`; // 10,203 characters once trimmed, as if pasted
      const longSubject = `${"Ünïcödé subject ".repeat(15)}!`; // 241 characters
      await form(page).getByLabel(email, { exact: true }).fill("customer@northwind.example");
      await form(page).getByLabel(subject).fill(longSubject);
      await form(page).getByLabel(description).fill(long);
      const kept = async () => [
        (await form(page).getByLabel(subject).inputValue()).length,
        (await form(page).getByLabel(description).inputValue()).length,
      ];
      expect(await kept()).toEqual([longSubject.length, long.length]);
      await form(page).getByRole("button", { name: send, exact: true }).click();
      await form(page).getByText(message).waitFor();
      await form(page)
        .getByText(locale === "en" ? /Too long: 241 characters, at most 200/ : /Zu lang: 241 Zeichen, höchstens 200/)
        .waitFor();
      expect(await kept()).toEqual([longSubject.length, long.length]);
      expect(posts).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });

  test("shortened to the limit, the same description goes out whole", async () => {
    const { page, close } = await site.open("/long-ok", {});
    await openWidget(page);
    const exact = `${"x".repeat(9_996)} END`; // exactly 10,000
    await form(page).getByLabel("Email", { exact: true }).fill("customer@northwind.example");
    await form(page).getByLabel("Subject").fill("Exactly at the limit");
    await form(page).getByLabel("Description").fill(exact);
    await form(page).getByRole("button", { name: "Send", exact: true }).click();
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    const [ticket] = await ticketsWithSubject(site.server, "Exactly at the limit");
    const detail = await agentGet<{ description: string }>(site.server, `/api/v1/tickets/${ticket!.id}`);
    expect(detail.description).toBe(exact);
    await close();
  });
});
