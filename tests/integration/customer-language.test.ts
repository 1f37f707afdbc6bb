import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketDetail } from "../../shared/agent-api.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { startMailTestApp } from "../helpers/mail-test-app.js";
import { waitFor } from "../helpers/notify-databases.js";
import { ticketBody } from "../helpers/test-app.js";

/** A German page (data-locale="de") seen in an English browser: the widget spoke German, so support must too. */
const GERMAN_PAGE_ENGLISH_BROWSER = {
  ...ticketBody().context,
  environment: {
    userAgent: "Mozilla/5.0",
    viewport: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    language: "en-US",
  },
  locale: "de",
};

describe.each(DATABASE_KINDS)("the customer's language on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  let app: Awaited<ReturnType<typeof startMailTestApp>>;
  beforeAll(async () => {
    app = await startMailTestApp(kind, cleanups);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("the widget's language is stored with the ticket, shown to agents, and the customer's emails use it", async () => {
    const { t, sink } = app;
    const ticket = await fileTicket(t, {
      email: "lena@northwind.example",
      subject: "Rechnung fehlt",
      context: GERMAN_PAGE_ENGLISH_BROWSER,
    });
    const admin = agentClient(t, await t.login());
    const detail = (await admin.get(`/api/v1/tickets/${ticket.id}`)).body as TicketDetail;
    expect(detail.context.locale).toBe("de");

    const received = await waitFor(
      () => sink.mails.find((m) => m.parsed.subject?.includes(ticket.reference)),
      "the received mail",
    );
    expect(received.parsed.subject).toBe(`[${ticket.reference}] Wir haben Ihre Anfrage erhalten: Rechnung fehlt`);
  });

  it("every language the widget speaks gets its emails in it, not only German and French", async () => {
    const { t, sink } = app;
    const expected = {
      es: "Hemos recibido su solicitud",
      it: "Abbiamo ricevuto la Sua richiesta",
      pt: "Recebemos sua solicitação",
      nl: "We hebben uw verzoek ontvangen",
      "pt-BR": "Recebemos sua solicitação",
    };
    for (const [locale, words] of Object.entries(expected)) {
      const ticket = await fileTicket(t, {
        email: `${locale.toLowerCase()}@northwind.example`,
        subject: `Factura ${locale}`,
        context: { ...GERMAN_PAGE_ENGLISH_BROWSER, locale },
      });
      const received = await waitFor(
        () => sink.mails.find((m) => m.parsed.subject?.includes(ticket.reference)),
        `the received mail in ${locale}`,
      );
      expect(received.parsed.subject).toBe(`[${ticket.reference}] ${words}: Factura ${locale}`);
    }
  });

  it("a language that is not a language tag is refused", async () => {
    const res = await app.t.createTicket(
      ticketBody({ context: { ...GERMAN_PAGE_ENGLISH_BROWSER, locale: "<script>" } }),
    );
    expect(res.status).toBe(422);
  });
});
