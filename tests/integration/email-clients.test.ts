import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInboundSmtp } from "../../server/services/notifications/start-inbound-smtp.js";
import { postgresBlobStore } from "../../server/storage/postgres-store.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import * as client from "../helpers/mail-clients.js";
import { startMailTestApp } from "../helpers/mail-test-app.js";
import { jobsSettled, waitFor } from "../helpers/notify-databases.js";

const CUSTOMER = "jamie@northwind.example";

/** Real clients' replies, sent to the built-in SMTP listener as an MX would hand them over. */
describe.each(DATABASE_KINDS)("emailed replies from real mail clients on %s", (kind) => {
  // One app, mail sink and SMTP listener per database (started once, as a server runs); each test answers a ticket
  // of its own.
  const cleanups: Array<() => Promise<void>> = [];
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startApp() {
    const { t, sink, database } = await startMailTestApp(kind, cleanups, {
      mailFrom: "Acme Support <support@acme.example>",
      inboundEmailDomain: "reply.acme.example",
    });
    const admin = agentClient(t, await t.login());
    const listener = await startInboundSmtp(database.db, {
      port: 0,
      host: "127.0.0.1",
      blobs: postgresBlobStore(database.db),
    });
    cleanups.push(listener.close);
    const smtp = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
    const settings = (await admin.get("/api/v1/notifications/settings")).body as { inboundEmailSecret: string };
    const post = (raw: string) =>
      t.request(`/api/v1/inbound/email/${settings.inboundEmailSecret}`, { method: "POST", body: raw });
    return { t, sink, database, admin, smtp, post };
  }

  async function setup() {
    const { t, sink, database, admin, smtp, post } = app;
    const ticket = await fileTicket(t);
    const received = await waitFor(
      () => sink.mails.find((m) => m.envelopeTo.includes(CUSTOMER) && m.parsed.subject?.includes(ticket.reference)),
      "the received mail",
    );
    const answering: client.Answering = {
      replyTo: received.parsed.replyTo!.value[0]!.address!,
      messageId: received.parsed.messageId!,
      customer: CUSTOMER,
    };
    const send = (raw: string | Buffer, envelope: { from?: string; to?: string } = {}) =>
      smtp.sendMail({ envelope: { from: envelope.from ?? CUSTOMER, to: [envelope.to ?? answering.replyTo] }, raw });
    const thread = async () =>
      ((await admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.messages as Array<{ body: string }>).map(
        (m) => m.body,
      );
    const status = async () => (await admin.get(`/api/v1/tickets/${ticket.id}`)).body.status as string;
    return { admin, ticket, answering, send, post, thread, status, sink, database };
  }

  it("keeps only what the customer wrote, whichever client and language wrote the quote", async () => {
    const { answering: a, send, thread } = await setup();
    const cases: Array<[string, string | Buffer, string]> = [
      ["Gmail, English", client.gmailEnglish(a), "It works now, thanks!"],
      [
        "Gmail, German, wrapped attribution",
        client.gmailGerman(a),
        "Hallo, der Export läuft jetzt wieder. Vielen Dank für die schnelle Hilfe!\n\nGrüße\nJürgen",
      ],
      [
        "Gmail, French, wrapped attribution",
        client.gmailFrench(a),
        "Bonjour, l'export fonctionne à nouveau. Merci beaucoup !",
      ],
      [
        "Outlook, Original Message",
        client.outlookOriginalMessage(a),
        "The export works again – thanks for the quick help.\n\nJamie",
      ],
      [
        "Outlook, German, windows-1252",
        client.outlookGerman(a),
        "Der Export läuft wieder, vielen Dank!\n\nMit freundlichen Grüßen\nJürgen Müller",
      ],
      ["Outlook, French, iso-8859-1", client.outlookFrench(a), "C'est réglé, merci beaucoup."],
      [
        "Outlook 365, HTML only",
        client.outlookHtmlOnly(a),
        "Still failing for me, see the error below:\nERR_EXPORT_TIMEOUT after 30 s",
      ],
      ["iPhone", client.iphone(a), "Yes that fixed it, thank you!"],
      ["iPhone, German", client.iphone(a, true), "Ja, geht wieder. Danke!"],
      ["Apple Mail, HTML only", client.appleMailHtmlOnly(a), "Works again, thanks!"],
      ["base64 with a signature", client.base64WithSignature(a), "Das Problem ist gelöst — danke! 👍"],
      [
        "Thunderbird, answered inline",
        client.thunderbirdInline(a),
        [
          "> Which browser do you use?",
          "",
          "Firefox 133 on Ubuntu.",
          "",
          "> And does the export fail for every report, or only for large ones?",
          "",
          "Only for reports over about 5,000 rows; smaller ones are fine.",
        ].join("\n"),
      ],
    ];
    const landed: Array<[string, string | undefined]> = [];
    for (const [name, raw] of cases) {
      await send(raw).catch((error: Error) => landed.push([name, `refused: ${error.message}`]));
      if (landed.at(-1)?.[0] !== name) landed.push([name, (await thread()).at(-1)]);
    }
    expect(Object.fromEntries(landed)).toEqual(Object.fromEntries(cases.map(([name, , body]) => [name, body])));
  }, 120_000);

  it("ignores out-of-office replies and bounces: nothing posted, nothing reopened, nothing mailed back", async () => {
    const { admin, ticket, answering: a, send, post, thread, status, sink, database } = await setup();
    await admin.patch(`/api/v1/tickets/${ticket.id}`, { status: "resolved" });
    expect(await status()).toBe("resolved");
    await waitFor(() => jobsSettled(database.db), "the resolved mail");
    const mailsBefore = sink.mails.length;
    for (const kind of ["auto-submitted", "x-autoreply", "precedence", "exchange"] as const)
      await send(client.outOfOffice(a, kind)); // accepted (250): refusing would bounce to the responder
    await send(client.bounce(a), { from: "" });
    // No marker header, but a null sender (MAIL FROM:<>): only reports and responders send that way.
    await send(client.gmailEnglish(a, "I am away until Monday."), { from: "" });
    const relayed = await post(client.outOfOffice(a, "auto-submitted")); // the same through an inbound-mail relay
    expect([relayed.status, await relayed.json()]).toEqual([202, { ignored: "auto_reply" }]);
    expect(await thread()).toEqual([]);
    expect(await status()).toBe("resolved");
    await waitFor(() => jobsSettled(database.db), "jobs");
    expect(sink.mails.length).toBe(mailsBefore);
  }, 120_000);

  it("stores allowed attachments on the ticket within the attachment limits and says which were left out", async () => {
    const { admin, ticket, answering: a, send, thread } = await setup();
    await send(client.withAttachments(a));
    const files = (await admin.get(`/api/v1/tickets/${ticket.id}/attachments`)).body.attachments as Array<{
      filename: string;
      contentType: string;
      authorType: string;
    }>;
    expect(files.map((f) => [f.filename, f.contentType, f.authorType])).toEqual([
      ["export error.png", "image/png", "customer"],
      ["export.log", "text/plain", "customer"],
      ["invoice 2026-11.pdf", "application/pdf", "customer"],
    ]);
    expect((await thread()).at(-1)).toBe(
      "Here is the screenshot and the log.\n\n(Attached by email: export error.png, export.log, invoice 2026-11.pdf. Not attached: setup.exe, a file of a type that cannot be attached.)",
    );
    // Only files, no words: still lands, instead of bouncing back to the customer.
    await send(client.withAttachments(a, ""));
    expect((await thread()).at(-1)).toBe(
      "(Attached by email: export error.png, export.log, invoice 2026-11.pdf. Not attached: setup.exe, a file of a type that cannot be attached.)",
    );
  }, 120_000);

  it("takes a photo as big as the widget takes (10 MB), and names one over it instead of bouncing the mail", async () => {
    const { admin, ticket, answering: a, send, thread } = await setup();
    await send(client.withLargeImage(a, 9 * 1024 * 1024)); // 12 MB once base64-encoded
    await send(client.withLargeImage(a, 11 * 1024 * 1024));
    const files = (await admin.get(`/api/v1/tickets/${ticket.id}/attachments`)).body.attachments as Array<{
      size: number;
    }>;
    expect(files.map((f) => f.size)).toEqual([9 * 1024 * 1024]);
    expect(await thread()).toEqual([
      "The full-size screenshot.\n\n(Attached by email: screenshot.png.)",
      "The full-size screenshot.\n\n(Not attached: screenshot.png, over the size limit.)",
    ]);
  }, 120_000);

  it("posts a mail delivered twice once (a relay's retry, an SMTP retry after a lost 250)", async () => {
    const { answering: a, send, post, thread } = await setup();
    const raw = client.gmailEnglish(a, "Same mail, delivered twice.");
    await send(raw);
    await send(raw);
    const retried = await post(raw);
    expect(retried.status).toBe(202);
    expect(await thread()).toEqual(["Same mail, delivered twice."]);
  }, 120_000);

  it("refuses a reply with nothing above the quote, and lets the signed address decide, not the sender", async () => {
    const { answering: a, send, thread } = await setup();
    await expect(send(client.emptyReply(a))).rejects.toThrow(/550.*no text above the quoted message/);
    // A colleague the customer forwarded the mail to answers: the token, not From, names the ticket.
    // The agent sees that someone other than the customer wrote it.
    const fromSam =
      "Sam here, same problem on my side.\n\n(Sent by email from sam@northwind.example, not the ticket's customer address.)";
    await send(client.gmailEnglish({ ...a, from: "sam@northwind.example" }, "Sam here, same problem on my side."));
    expect((await thread()).at(-1)).toBe(fromSam);
    // From the customer's own address but with a forged token: refused, attached nowhere.
    const forged = a.replyTo.replace(/-([0-9a-f]{24})@/, (_m, sig: string) => `-${[...sig].reverse().join("")}@`);
    const hijack = client.gmailEnglish({ ...a, replyTo: forged, messageId: "<x@mail.northwind.example>" }, "hijack");
    await expect(send(hijack, { to: forged })).rejects.toThrow(/550/);
    expect(await thread()).toEqual([fromSam]);
  }, 120_000);
});
