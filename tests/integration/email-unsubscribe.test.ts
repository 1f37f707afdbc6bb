import { afterEach, describe, expect, it } from "vitest";
import { customerEmailUnsubscribes } from "../../server/db/schema-notifications.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { jobsSettled, waitFor } from "../helpers/notify-databases.js";
import { startMailTestApp } from "../helpers/mail-test-app.js";

const CUSTOMER = "jamie@northwind.example";

describe.each(DATABASE_KINDS)("a customer unsubscribes from a ticket's emails on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const { t, sink, database } = await startMailTestApp(kind, cleanups);
    const admin = agentClient(t, await t.login());
    /** Files a ticket and returns it with the "we received it" mail the customer got. */
    const file = async (subject: string) => {
      const ticket = await fileTicket(t, { subject });
      const mail = await waitFor(() => sink.mails.find((m) => m.parsed.subject?.includes(ticket.reference)), subject);
      return { ...ticket, mail };
    };
    /** An agent's public reply, and every job it caused done. */
    const reply = async (ticketId: string, body: string) => {
      expect((await admin.post(`/api/v1/tickets/${ticketId}/messages`, { body })).status).toBe(201);
      await waitFor(() => jobsSettled(database.db), "the reply's notifications");
    };
    const mailed = (text: string) => sink.mails.some((m) => m.parsed.text?.includes(text));
    return { t, admin, sink, file, reply, mailed };
  }

  /** The header as a mail client reads it: folded lines joined. */
  const header = (raw: string, name: string) =>
    new RegExp(`^${name}:\\s*(.+)$`, "im").exec(raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " "))?.[1];
  const linkIn = (raw: string) => /^<(http[^>]+)>$/.exec(header(raw, "List-Unsubscribe") ?? "")?.[1];

  it("stops that ticket's emails with the one-click POST (RFC 8058), and all of them from the page", async () => {
    const { t, admin, file, reply, mailed } = await setup();
    const first = await file("Export fails");
    const link = linkIn(first.mail.raw)!;
    expect(link).toMatch(/^http:\/\/localhost\/email\/unsubscribe\/[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(header(first.mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(first.mail.parsed.text).toContain(`Unsubscribe: ${link}`);
    expect(first.mail.parsed.html).toContain(`href="${link}"`);
    const path = new URL(link).pathname;

    // Opening the link (or a scanner prefetching it) only asks.
    const page = await t.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const asked = await page.text();
    expect(asked).toContain(`Stop emails to j****@northwind.example about request ${first.reference}?`);
    expect(asked).not.toContain(CUSTOMER);
    await reply(first.id, "First answer: try again please");
    expect(mailed("First answer")).toBe(true);

    // The mail client's one-click unsubscribe.
    const oneClick = await t.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain(
      `Unsubscribed. j****@northwind.example gets no more emails about request ${first.reference}.`,
    );
    // The agent API's ticket detail says so, with when; the customer's other tickets are not affected yet.
    const unsubscribed = async (id: string) => (await admin.get(`/api/v1/tickets/${id}`)).body.emailUnsubscribed;
    const stopped = await unsubscribed(first.id);
    expect(stopped).toEqual({ scope: "ticket", at: expect.any(String) });
    expect(Date.now() - Date.parse(stopped.at)).toBeLessThan(10 * 60_000);
    await reply(first.id, "Second answer on the first ticket");
    expect(mailed("Second answer")).toBe(false);

    // Another ticket from the same customer still mails them, until they stop everything from the page.
    const second = await file("Invoices missing");
    expect(await unsubscribed(second.id)).toBeNull();
    await reply(second.id, "Invoices answer one");
    expect(mailed("Invoices answer one")).toBe(true);
    const all = await t.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "choice=all",
    });
    expect(await all.text()).toContain("gets no more emails from My workspace support");
    expect(await unsubscribed(second.id)).toEqual({ scope: "all", at: expect.any(String) });
    expect((await unsubscribed(first.id)).scope).toBe("all");
    await reply(second.id, "Invoices answer two");
    expect(mailed("Invoices answer two")).toBe(false);
    const third = await fileTicket(t, { subject: "A third problem" });
    await waitFor(() => jobsSettled(t.database.db), "the third ticket's notifications");
    expect(mailed(third.reference)).toBe(false);

    // Undo: mail flows again.
    const undo = await t.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "choice=subscribed",
    });
    expect(await undo.text()).toContain(
      `Subscribed again: j****@northwind.example gets emails about request ${first.reference}.`,
    );
    expect(await unsubscribed(first.id)).toBeNull();
    await reply(first.id, "Welcome back answer");
    expect(mailed("Welcome back answer")).toBe(true);
  }, 120_000);

  it("refuses altered and unsigned links with a page that says so, and changes nothing", async () => {
    const { t, admin, file, reply, mailed } = await setup();
    const ticket = await file("Export fails");
    const path = new URL(linkIn(ticket.mail.raw)!).pathname;
    const altered = path.replace(/\.([0-9a-f])/, (_m, c: string) => `.${c === "0" ? "1" : "0"}`);
    for (const bad of [altered, "/email/unsubscribe/not-a-token", `${path.split(".")[0]}.`]) {
      const res = await t.request(bad, { method: "POST", body: "List-Unsubscribe=One-Click" });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("This link does not work");
    }
    await reply(ticket.id, "Still mailed after forged clicks");
    expect(mailed("Still mailed after forged clicks")).toBe(true);

    // A real stop names the customer; erasing them (privacy) takes it away too.
    await t.request(path, { method: "POST", body: "choice=all" });
    const stops = () => t.database.db.select().from(customerEmailUnsubscribes);
    expect((await stops()).map((r) => r.email)).toEqual([CUSTOMER]);
    expect((await admin.post("/api/v1/privacy/erase", { email: CUSTOMER })).status).toBe(200);
    expect(await stops()).toEqual([]);
  }, 90_000);
});
