import { describe, expect, it } from "vitest";
import { stripQuotedReply } from "../../server/services/notifications/strip-quoted-reply.js";

describe("what of an emailed reply lands on the ticket", () => {
  it("keeps a customer's own line that starts like a header, when no header block follows", () => {
    const text = [
      "The export fails for one date range only.",
      "From: 1 December to 3 December, every report is empty.",
      "Before that it works.",
      "",
      "On Thu, Dec 3, 2026 at 10:00 AM Acme Support <support@acme.example> wrote:",
      "> Which reports fail?",
    ].join("\n");
    expect(stripQuotedReply(text)).toBe(
      "The export fails for one date range only.\nFrom: 1 December to 3 December, every report is empty.\nBefore that it works.",
    );
  });

  it("still cuts at Outlook for Mac's header block (From/Date/To)", () => {
    const text =
      "Fixed, thanks.\n\nFrom: Acme Support <support@acme.example>\nDate: Thursday, 3 December 2026 at 10:00\nTo: Jamie\nSubject: Re: Export\n\nold";
    expect(stripQuotedReply(text)).toBe("Fixed, thanks.");
  });

  it("drops Outlook mobile's 'Get Outlook for iOS' with its link", () => {
    expect(stripQuotedReply("Works now.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>\n")).toBe("Works now.");
  });

  it("keeps 'Sent from my phone:' when it is what the customer wrote", () => {
    expect(stripQuotedReply("Sent from my phone: it works now, thanks!")).toBe(
      "Sent from my phone: it works now, thanks!",
    );
  });

  it("cuts the quoted history of replies written in Spanish, Italian, Portuguese and Dutch mail clients", () => {
    const replies = [
      ["Ya funciona, gracias.", "El sáb, 5 dic 2026 a las 10:00, Acme Support (<support@acme.example>) escribió:"],
      [
        "Adesso funziona, grazie.",
        "Il giorno sab 5 dic 2026 alle ore 10:00 Acme Support <support@acme.example> ha scritto:",
      ],
      [
        "Agora funciona, obrigado.",
        "Em sáb., 5 de dez. de 2026 às 10:00, Acme Support <support@acme.example> escreveu:",
      ],
      ["Het werkt nu, bedankt.", "Op za 5 dec 2026 om 10:00 schreef Acme Support <support@acme.example>:"],
    ];
    for (const [answer, attribution] of replies)
      expect(stripQuotedReply(`${answer}\n\n${attribution}\n> Responda por encima de esta línea.\n> old`)).toBe(answer);
    expect(stripQuotedReply("Listo.\n\nEnviado desde mi iPhone")).toBe("Listo.");
    expect(stripQuotedReply("Fatto.\n\nInviato da iPhone")).toBe("Fatto.");
    expect(stripQuotedReply("Pronto.\n\nEnviado do meu iPhone")).toBe("Pronto.");
    expect(stripQuotedReply("Klaar.\n\nVerzonden vanaf mijn iPhone")).toBe("Klaar.");
    expect(
      stripQuotedReply(
        "Klaar.\n\nVan: Acme Support <support@acme.example>\nVerzonden: zaterdag 5 december 2026\nAan: Jamie\n\nold",
      ),
    ).toBe("Klaar.");
    expect(stripQuotedReply("Risolto.\n\n-----Messaggio originale-----\nDa: Acme\nold")).toBe("Risolto.");
  });

  it("a reply to our mail in any of the widget's languages stops at our 'reply above this line'", () => {
    for (const marker of [
      "Responda por encima de esta línea.",
      "Risponda sopra questa riga.",
      "Responda acima desta linha.",
      "Antwoord boven deze regel.",
    ])
      expect(stripQuotedReply(`Gracias\n${marker}\nold text`)).toBe("Gracias");
  });
});
