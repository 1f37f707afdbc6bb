import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Conversation, type Session, startConversation } from "./conversation-fixtures.js";
import { HAS_BROWSER } from "./harness.js";
import { form } from "./widget-fixtures.js";

// Markup an agent pastes (or a customer types) is text everywhere it is shown, and so are emoji and RTL words.
describe.skipIf(!HAS_BROWSER)("replies with markup, emoji and RTL text", () => {
  let conversation: Conversation;
  let agent: Session;
  let customer: Session;

  beforeAll(async () => {
    conversation = await startConversation("Invoice PDF is blank");
    ({ customer, agent } = conversation);
  });
  afterAll(() => conversation?.close());

  test("an agent's reply with <script> and <img onerror> shows as typed in the console and in the widget", async () => {
    const body = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> <b>bold?</b> שלום עולם 👩‍👩‍👧 done`;
    await agent.page.getByLabel("Reply to the customer").fill(body);
    await agent.page.getByRole("button", { name: "Send reply" }).click();
    const inConsole = agent.page.locator(".message--reply", { hasText: "שלום עולם" });
    await inConsole.waitFor();
    expect(await inConsole.textContent()).toContain(body);
    expect(await inConsole.locator("img, script, b").count()).toBe(0);

    await form(customer.page).getByRole("button", { name: "View conversation" }).click();
    const inWidget = form(customer.page).getByText("שלום עולם", { exact: false });
    await inWidget.waitFor();
    expect(await inWidget.textContent()).toContain(body);
    for (const page of [agent.page, customer.page]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    }
    expect([...agent.errors, ...customer.errors]).toEqual([]);
  });

  test("a reply written in Hebrew reads right to left in the console and the widget; an English one stays left to right", async () => {
    const hebrew = "שלום, החשבונית שלך נשלחה שוב. תודה על הסבלנות";
    await agent.page.getByLabel("Reply to the customer").fill(hebrew);
    await agent.page.getByRole("button", { name: "Send reply" }).click();
    const direction = (el: Element) => getComputedStyle(el).direction;
    const inConsole = agent.page.locator(".message__body", { hasText: hebrew });
    await inConsole.waitFor();
    expect(await inConsole.evaluate(direction)).toBe("rtl");
    const inWidget = form(customer.page).getByText(hebrew, { exact: true });
    await inWidget.waitFor();
    expect(await inWidget.evaluate(direction)).toBe("rtl");
    // The English first message (the description) keeps its direction: the page's, not the reply's.
    expect(await form(customer.page).getByText("Steps in the recording").evaluate(direction)).toBe("ltr");
    expect(await agent.page.locator(".description").evaluate(direction)).toBe("ltr");
  });
});
