import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { agents, feedback, ticketEvents } from "../../server/db/schema.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { jobsSettled, waitFor } from "../helpers/notify-databases.js";
import { startMailTestApp } from "../helpers/mail-test-app.js";
import { handoff } from "../helpers/handoff-note.js";
import { postCustomerFeedback } from "../helpers/customer-feedback.js";

const CUSTOMER = "jamie@northwind.example";
const form = (body: string) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body,
});

describe.each(DATABASE_KINDS)("the post-escalation survey by email on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const { t, sink, database } = await startMailTestApp(kind, cleanups);
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    const first = await createAgent(database.db, { workspaceId: w, email: "first@example.com", skills: ["technical"] });
    await createAgent(database.db, { workspaceId: w, email: "second@example.com", tier: 2, skills: ["technical"] });
    const admin = agentClient(t, await t.login());
    const firstAgent = agentClient(t, await t.login({ email: first.email, password: AGENT_PASSWORD }));
    /** Files a ticket, escalates it when asked, resolves it, and returns the resolved mail. */
    const resolve = async (subject: string, escalate: boolean) => {
      const ticket = await fileTicket(t, { subject });
      await waitFor(() => sink.mails.some((m) => m.envelopeTo.includes(first.email)), "the assignment mail");
      if (escalate)
        expect((await firstAgent.post(`/api/v1/tickets/${ticket.id}/escalations`, handoff)).status).toBe(201);
      expect((await admin.patch(`/api/v1/tickets/${ticket.id}`, { status: "resolved" })).status).toBe(200);
      const mail = await waitFor(
        () => sink.mails.find((m) => m.envelopeTo.includes(CUSTOMER) && m.parsed.subject?.includes("Resolved")),
        "the resolved mail",
      );
      sink.mails.splice(0);
      return { ...ticket, mail };
    };
    return { t, admin, sink, resolve, database };
  }

  const surveyLinks = (text: string) => [...text.matchAll(/(http:\/\/\S+\/email\/feedback\/\S+)/g)].map((m) => m[1]!);

  it("asks the widget's questions in the resolved mail and records the answer once, on POST only", async () => {
    const { t, resolve, database } = await setup();
    const ticket = await resolve("Export fails", true);
    const text = ticket.mail.parsed.text!;
    expect(text).toContain("Was it resolved in a reasonable time?");
    const [yes, no] = surveyLinks(text);
    expect(yes).toMatch(/\/email\/feedback\/[0-9a-f]{32}\.[0-9a-f]{32}\?inTime=yes$/);
    expect(no).toMatch(/\?inTime=no$/);
    expect(ticket.mail.parsed.html).toContain(`href="${yes!.replace(/&/g, "&amp;")}"`);
    const path = (link: string) => new URL(link).pathname + new URL(link).search;

    // A mail scanner (or the customer) opening the link records nothing: the page asks, with the click preselected.
    const opened = await t.request(path(no!));
    expect(opened.status).toBe(200);
    expect(opened.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await opened.text();
    expect(page).toContain(`About your request ${ticket.reference}.`);
    expect(page).toMatch(/name="resolvedInReasonableTime" value="no" checked/);
    expect(page).toContain("Did you have to repeat yourself?");
    expect(await database.db.select().from(feedback)).toEqual([]);

    // A missing answer is asked again, not recorded.
    const incomplete = await t.request(new URL(no!).pathname, form("resolvedInReasonableTime=no&peopleTalkedTo=2"));
    expect(incomplete.status).toBe(422);
    expect(await incomplete.text()).toContain("Please answer every question");
    expect(await database.db.select().from(feedback)).toEqual([]);

    const sent = await t.request(
      new URL(no!).pathname,
      form("resolvedInReasonableTime=no&repeatedThemselves=yes&peopleTalkedTo=3&send=1"),
    );
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain("Thanks for your feedback!");
    const rows = await database.db.select().from(feedback);
    expect(rows.map((r) => [r.ticketId, r.respondent, r.answers])).toEqual([
      [ticket.id, "customer", { repeatedThemselves: true, peopleTalkedTo: 3, resolvedInReasonableTime: false }],
    ]);
    const events = await database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events.filter((e) => e.type === "feedback").map((e) => e.actorType)).toEqual(["customer"]);

    // Once per ticket: a second answer by mail, or by the widget, is refused and the first one stands.
    const again = await t.request(
      new URL(yes!).pathname,
      form("resolvedInReasonableTime=yes&repeatedThemselves=no&peopleTalkedTo=1"),
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(`You already answered these questions for request ${ticket.reference}`);
    const widget = await postCustomerFeedback(t, ticket.id, {
      repeatedThemselves: false,
      peopleTalkedTo: 1,
      resolvedInReasonableTime: true,
    });
    expect(widget.status).toBe(409);
    expect((await t.request(path(yes!))).status).toBe(200);
    expect(await (await t.request(path(yes!))).text()).toContain("You already answered");
    expect((await database.db.select().from(feedback)).map((r) => r.answers)).toEqual([rows[0]!.answers]);
  }, 120_000);

  it("asks nothing after a ticket that was never escalated, or of a customer who unsubscribed; forged links 404", async () => {
    const { t, resolve, sink, admin, database } = await setup();
    const plain = await resolve("Password reset", false);
    expect(plain.mail.parsed.text).not.toContain("/email/feedback/");

    const escalated = await resolve("Export fails", true);
    const [yes] = surveyLinks(escalated.mail.parsed.text!);
    const token = new URL(yes!).pathname.split("/").pop()!;
    const unsubscribe = /\/email\/unsubscribe\/(\S+)/.exec(escalated.mail.parsed.text!)![1]!;
    const altered = token.replace(/\.([0-9a-f])/, (_m, c: string) => `.${c === "0" ? "1" : "0"}`);
    for (const bad of [altered, unsubscribe, "not-a-token", `${token.split(".")[0]}.`]) {
      const get = await t.request(`/email/feedback/${bad}?inTime=yes`);
      expect(get.status).toBe(404);
      const post = await t.request(
        `/email/feedback/${bad}`,
        form("resolvedInReasonableTime=yes&repeatedThemselves=no&peopleTalkedTo=1"),
      );
      expect(post.status).toBe(404);
      expect(await post.text()).toContain("This link does not work");
    }
    expect(await database.db.select().from(feedback)).toEqual([]);

    // Reopened: the link no longer records, and says why.
    expect((await admin.patch(`/api/v1/tickets/${escalated.id}`, { status: "open" })).status).toBe(200);
    const closed = await t.request(
      new URL(yes!).pathname,
      form("resolvedInReasonableTime=yes&repeatedThemselves=no&peopleTalkedTo=1"),
    );
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("is not resolved at the moment");

    // Unsubscribed from this ticket: resolving it again mails nothing, survey included.
    await t.request(`/email/unsubscribe/${unsubscribe}`, form("choice=ticket"));
    expect((await admin.patch(`/api/v1/tickets/${escalated.id}`, { status: "resolved" })).status).toBe(200);
    await waitFor(() => jobsSettled(database.db), "the resolution's notifications");
    expect(sink.mails.filter((m) => m.envelopeTo.includes(CUSTOMER))).toEqual([]);
  }, 120_000);
});
