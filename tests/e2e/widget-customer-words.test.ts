import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER, loseFirstAnswer } from "./harness.js";
import { agentGet, form, openWidget, sendTicket, ticketsWithSubject } from "./widget-fixtures.js";
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
    timeout: 180_000,
  }, async () => {
    // [locale, launcher, form labels, the description's error, the subject's error]: numbers in the language's format.
    for (const [locale, launcher, labels, message, subjectMessage] of [
      [
        "en",
        "Help",
        ["Email", "Subject", "Description", "Send"],
        /Too long: 10,203 characters, at most 10,000\./,
        /Too long: 241 characters, at most 200/,
      ],
      [
        "de",
        "Hilfe",
        ["E-Mail", "Betreff", "Beschreibung", "Senden"],
        /Zu lang: 10\.203 Zeichen, höchstens 10\.000\./,
        /Zu lang: 241 Zeichen, höchstens 200/,
      ],
      [
        "es",
        "Ayuda",
        ["Correo electrónico", "Asunto", "Descripción", "Enviar"],
        /Demasiado largo: 10\.203 caracteres, como máximo 10\.000\./,
        /Demasiado largo: 241 caracteres, como máximo 200/,
      ],
      [
        "it",
        "Aiuto",
        ["E-mail", "Oggetto", "Descrizione", "Invia"],
        /Troppo lungo: 10\.203 caratteri, al massimo 10\.000\./,
        /Troppo lungo: 241 caratteri, al massimo 200/,
      ],
      [
        "pt",
        "Ajuda",
        ["E-mail", "Assunto", "Descrição", "Enviar"],
        /Longo demais: 10\.203 caracteres, no máximo 10\.000\./,
        /Longo demais: 241 caracteres, no máximo 200/,
      ],
      [
        "nl",
        "Hulp",
        ["E-mail", "Onderwerp", "Beschrijving", "Versturen"],
        /Te lang: 10\.203 tekens, maximaal 10\.000\./,
        /Te lang: 241 tekens, maximaal 200/,
      ],
    ] as const) {
      const { page, errors, close } = await site.open(`/long-${locale}`, {
        tag: (origin) =>
          `<script src="${origin}/widget.js" data-site-key="pk_demo" data-locale="${locale}" async></script>`,
      });
      const posts = ticketPosts(page);
      await page.getByRole("button", { name: new RegExp(`^${launcher}`) }).click();
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
      await form(page).getByText(subjectMessage).waitFor();
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

  const MESSAGES = "**/api/v1/widget/tickets/*/messages";

  /** A customer on the host page with one ticket filed from it, its thread open. */
  async function customerWithTicket(path: string, subject: string) {
    const opened = await site.open(path, {});
    await openWidget(opened.page);
    const { id } = await sendTicket(opened.page, subject);
    await openThread(opened.page, subject);
    return { ...opened, id };
  }

  async function openThread(page: Page, subject: string) {
    if (!(await form(page).isVisible())) await page.getByRole("button", { name: /^Help and support/ }).click();
    await form(page)
      .getByRole("button", { name: /^Your conversations/ })
      .click();
    await form(page).getByRole("button", { name: subject }).first().click();
    await form(page).getByLabel("Your reply").waitFor();
  }

  const stored = async (id: string) =>
    (
      await agentGet<{ messages: { authorType: string; body: string }[] }>(
        site.server,
        `/api/v1/tickets/${id}/messages`,
      )
    ).messages
      .filter((m) => m.authorType === "customer")
      .map((m) => m.body);

  test("a reply whose answer is lost on the way back is sent again and stored once", async () => {
    const { page, errors, close, id } = await customerWithTicket("/lost-answer", "Lost answer");
    const keys = await loseFirstAnswer(page, MESSAGES);
    const box = form(page).getByLabel("Your reply");
    await box.fill("The export button does nothing");
    await form(page).getByRole("button", { name: "Send reply" }).click();
    const shown = form(page).getByRole("list").getByText("The export button does nothing");
    const alert = form(page).getByRole("alert");
    // Sent (the box empties) or told it failed; the live stream may show the stored reply before either.
    await expect
      .poll(async () => (await alert.isVisible()) || (await box.inputValue()) === "", { timeout: 10_000 })
      .toBe(true);
    // As a customer would: told it failed, they press Send again.
    if (await alert.isVisible()) await form(page).getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe("");
    await shown.first().waitFor();
    expect(await stored(id)).toEqual(["The export button does nothing"]);
    expect(keys.length).toBeGreaterThan(1);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await shown.count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("a reply typed, the dialog closed by mistake and opened again: the words are still there", async () => {
    const { page, close } = await customerWithTicket("/closed-by-mistake", "Closed by mistake");
    const words = "Steps: open Reports, pick March, press Export. Nothing downloads. 😤";
    await form(page).getByLabel("Your reply").fill(words);
    await page.keyboard.press("Escape");
    await form(page).waitFor({ state: "hidden" });
    await openThread(page, "Closed by mistake");
    expect(await form(page).getByLabel("Your reply").inputValue()).toBe(words);
    await close();
  });

  test("a long message typed, the page reloaded before sending: the email, subject and description are all there", async () => {
    const { page, close } = await site.open("/reload-form", {});
    await openWidget(page);
    const words = "Step 1: open Reports. ".repeat(60);
    await form(page).getByLabel("Email", { exact: true }).fill("dana@northwind.example");
    await form(page).getByLabel("Subject").fill("Reports page freezes");
    await form(page).getByLabel("Description").fill(words);
    await page.reload();
    await openWidget(page);
    expect(await form(page).getByLabel("Email", { exact: true }).inputValue()).toBe("dana@northwind.example");
    expect(await form(page).getByLabel("Subject").inputValue()).toBe("Reports page freezes");
    expect(await form(page).getByLabel("Description").inputValue()).toBe(words);
    await close();
  });

  test("a reply half written, the page reloaded: the words are still in the box", async () => {
    const { page, close } = await customerWithTicket("/reload-reply", "Reload mid reply");
    const words = "I tried again this morning and the export still stops at 40 %. ".repeat(8);
    await form(page).getByLabel("Your reply").fill(words);
    await page.reload();
    await openThread(page, "Reload mid reply");
    expect(await form(page).getByLabel("Your reply").inputValue()).toBe(words);
    await close();
  });

  test("on a slow network, words added while a reply is on its way stay in the box; the reply goes once", async () => {
    const { page, close, id } = await customerWithTicket("/slow-network", "Slow network");
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(MESSAGES, async (route: Route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    const box = form(page).getByLabel("Your reply");
    await box.fill("First part");
    await form(page).getByRole("button", { name: "Send reply" }).dblclick();
    await box.press("End");
    await box.pressSequentially(" and a second thought");
    release();
    await form(page).getByRole("list").getByText("First part", { exact: true }).waitFor();
    expect(await box.inputValue()).toBe("and a second thought");
    expect(await stored(id)).toEqual(["First part"]);
    await close();
  });

  test("a subject of one very long word, RTL and emoji is stored as typed and wraps in the list and thread, not cut off", async () => {
    const subject = `فاتورة 📄 لا تفتح 👩🏽‍💻 ${"Invoice_PDF_export_".repeat(8)}`;
    const { page, errors, close, id } = await customerWithTicket("/long-words", subject);
    const reply = `${"https://example.com/".padEnd(2_000, "x")} مرحبا 👋🏾`;
    await form(page).getByLabel("Your reply").fill(reply);
    await form(page).getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => form(page).getByLabel("Your reply").inputValue(), { timeout: 10_000 }).toBe("");
    await expect.poll(() => stored(id), { timeout: 10_000 }).toEqual([reply]);
    const detail = await agentGet<{ subject: string }>(site.server, `/api/v1/tickets/${id}`);
    expect(detail.subject).toBe(subject.trim());
    // Nothing runs past the dialog's edge, where the customer could not read it.
    const fits = () => form(page).evaluate((d) => d.scrollWidth <= d.clientWidth);
    expect(await fits()).toBe(true);
    await form(page).getByRole("button", { name: "Back" }).click();
    await form(page).getByRole("heading", { name: "Your conversations" }).waitFor();
    expect(await fits()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});
