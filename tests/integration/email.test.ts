import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { startInboundSmtp } from "../../server/services/notifications/start-inbound-smtp.js";
import { postgresBlobStore } from "../../server/storage/postgres-store.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { waitFor } from "../helpers/notify-databases.js";
import { startMailTestApp } from "../helpers/mail-test-app.js";

const CUSTOMER = "jamie@northwind.example";

function rawReply(opts: { to: string; inReplyTo?: string; from?: string; body: string }) {
  return [
    `From: Jamie <${opts.from ?? CUSTOMER}>`,
    `To: ${opts.to}`,
    "Subject: Re: your request",
    ...(opts.inReplyTo ? [`In-Reply-To: ${opts.inReplyTo}`, `References: ${opts.inReplyTo}`] : []),
    `Message-ID: <${Math.random().toString(36).slice(2)}@mail.northwind.example>`,
    "Date: Thu, 03 Dec 2026 06:00:00 +0000",
    "Content-Type: text/plain; charset=utf-8",
    "",
    opts.body,
  ].join("\r\n");
}

describe.each(DATABASE_KINDS)("email on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const { t, sink, database } = await startMailTestApp(kind, cleanups, {
      mailFrom: "Acme Support <support@acme.example>",
      inboundEmailDomain: "reply.acme.example",
    });
    const admin = agentClient(t, await t.login());
    const settings = (await admin.get("/api/v1/notifications/settings")).body;
    return { t, admin, sink, settings, database };
  }

  it("mails the customer, never an internal note, and threads their emailed reply into the ticket", async () => {
    const { t, admin, sink, settings } = await setup();
    expect(settings).toMatchObject({ smtpConfigured: true, inboundEmailDomain: "reply.acme.example" });
    const ticket = await fileTicket(t);
    const received = await waitFor(() => sink.mails.find((m) => m.envelopeTo.includes(CUSTOMER)), "the received mail");
    expect(received.parsed.subject).toContain(ticket.reference);
    const root = received.parsed.messageId!;
    const replyTo = received.parsed.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(/^reply\+[0-9a-f]{32}-[0-9a-f]{24}@reply\.acme\.example$/);

    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: "Internal: the S3 bucket is down",
      internal: true,
    });
    await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "Could you try the export again now?" });
    const reply = await waitFor(
      () => sink.mails.find((m) => m.parsed.text?.includes("Could you try the export again")),
      "the reply mail",
    );
    expect(reply.envelopeTo).toEqual([CUSTOMER]);
    expect(reply.parsed.inReplyTo).toBe(root);
    expect(reply.parsed.references).toContain(root);
    expect(reply.parsed.html).toContain("Could you try the export again now?");

    const posted = await t.request(`/api/v1/inbound/email/${settings.inboundEmailSecret}`, {
      method: "POST",
      headers: { "Content-Type": "message/rfc822" },
      body: rawReply({
        to: replyTo,
        inReplyTo: reply.parsed.messageId,
        body: "Still broken after clearing the cache.\r\n\r\nJamie\r\n-- \r\nJamie Doe, Northwind\r\n\r\nOn Thu, Dec 3, 2026 at 6:00 AM Acme Support <support@acme.example> wrote:\r\n> Could you try the export again now?",
      }),
    });
    expect(posted.status).toBe(202);
    const thread = (await admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.messages as Array<{
      authorType: string;
      body: string;
    }>;
    expect(thread.at(-1)).toMatchObject({
      authorType: "customer",
      body: "Still broken after clearing the cache.\n\nJamie",
    });
    expect(sink.mails.map((m) => m.raw).join("\n")).not.toContain("S3 bucket");
  }, 90_000);

  it("rejects forged, unsigned and misdirected replies and attaches them nowhere", async () => {
    const { t, admin, sink, settings } = await setup();
    const ticket = await fileTicket(t);
    const received = await waitFor(() => sink.mails.find((m) => m.envelopeTo.includes(CUSTOMER)), "the received mail");
    const replyTo = received.parsed.replyTo!.value[0]!.address!;
    const forged = replyTo.replace(/-([0-9a-f]{24})@/, (_m, sig: string) => `-${sig.split("").reverse().join("")}@`);
    const post = (secret: string, body: string) =>
      t.request(`/api/v1/inbound/email/${secret}`, { method: "POST", body });
    expect((await post(settings.inboundEmailSecret, rawReply({ to: forged, body: "forged" }))).status).toBe(422);
    expect((await post(settings.inboundEmailSecret, rawReply({ to: "support@acme.example", body: "x" }))).status).toBe(
      422,
    );
    expect((await post("not-the-secret", rawReply({ to: replyTo, body: "wrong door" }))).status).toBe(404);
    const thread = (await admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.messages as unknown[];
    expect(thread).toHaveLength(0);
  }, 90_000);

  it("takes replies over its own SMTP listener and refuses unsigned ones with 550", async () => {
    const { t, admin, sink, database } = await setup();
    const ticket = await fileTicket(t);
    const received = await waitFor(() => sink.mails.find((m) => m.envelopeTo.includes(CUSTOMER)), "the received mail");
    const listener = await startInboundSmtp(database.db, {
      port: 0,
      host: "127.0.0.1",
      blobs: postgresBlobStore(database.db),
    });
    cleanups.push(listener.close);
    const client = nodemailer.createTransport({
      host: "127.0.0.1",
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    await client.sendMail({
      from: CUSTOMER,
      to: received.parsed.replyTo!.value[0]!.address!,
      subject: "Re: export",
      text: "Sent from my phone: it works now, thanks!",
    });
    await expect(
      client.sendMail({ from: CUSTOMER, to: "reply+nothing@reply.acme.example", subject: "hi", text: "hello" }),
    ).rejects.toThrow(/550/);
    const thread = (await admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.messages as Array<{ body: string }>;
    expect(thread.map((m) => m.body)).toEqual(["Sent from my phone: it works now, thanks!"]);
  }, 90_000);
});
