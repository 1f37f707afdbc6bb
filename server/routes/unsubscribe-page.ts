import { escapeHtml, type Lang } from "../services/notifications/email-strings.js";
import type { UnsubscribeLink } from "../services/notifications/read-unsubscribe-link.js";

/** The pages' own policy (unsubscribe, survey): no script at all, inline styles only, forms post back here, never framed. */
export const UNSUBSCRIBE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STRINGS = {
  en: {
    title: "Email preferences",
    ask: (ref: string, to: string) => `Stop emails to ${to} about request ${ref}?`,
    stopTicket: "Unsubscribe from this request",
    stopAll: (ws: string) => `Stop all emails from ${ws} support`,
    doneTicket: (ref: string, to: string) => `Unsubscribed. ${to} gets no more emails about request ${ref}.`,
    doneAll: (ws: string, to: string) => `Unsubscribed. ${to} gets no more emails from ${ws} support.`,
    undo: "Undo: email me again",
    resubscribed: (ref: string, to: string) => `Subscribed again: ${to} gets emails about request ${ref}.`,
    still: "You can still reach support from the help button in the app.",
    invalid: "This link does not work: it was altered, or the request it belongs to was deleted.",
  },
  de: {
    title: "E-Mail-Einstellungen",
    ask: (ref: string, to: string) => `Keine E-Mails mehr an ${to} zur Anfrage ${ref}?`,
    stopTicket: "Von dieser Anfrage abmelden",
    stopAll: (ws: string) => `Alle E-Mails vom ${ws}-Support abbestellen`,
    doneTicket: (ref: string, to: string) => `Abgemeldet. ${to} erhält keine E-Mails mehr zur Anfrage ${ref}.`,
    doneAll: (ws: string, to: string) => `Abgemeldet. ${to} erhält keine E-Mails mehr vom ${ws}-Support.`,
    undo: "Rückgängig: wieder E-Mails senden",
    resubscribed: (ref: string, to: string) => `Wieder angemeldet: ${to} erhält E-Mails zur Anfrage ${ref}.`,
    still: "Den Support erreichen Sie weiterhin über die Hilfe-Schaltfläche in der App.",
    invalid: "Dieser Link funktioniert nicht: Er wurde verändert, oder die Anfrage wurde gelöscht.",
  },
  fr: {
    title: "Préférences e-mail",
    ask: (ref: string, to: string) => `Ne plus envoyer d'e-mails à ${to} sur la demande ${ref} ?`,
    stopTicket: "Se désabonner de cette demande",
    stopAll: (ws: string) => `Ne plus recevoir aucun e-mail du support ${ws}`,
    doneTicket: (ref: string, to: string) => `Désabonné. ${to} ne recevra plus d'e-mails sur la demande ${ref}.`,
    doneAll: (ws: string, to: string) => `Désabonné. ${to} ne recevra plus d'e-mails du support ${ws}.`,
    undo: "Annuler : m'écrire à nouveau",
    resubscribed: (ref: string, to: string) => `Réabonné : ${to} recevra les e-mails sur la demande ${ref}.`,
    still: "Vous pouvez toujours joindre le support via le bouton d'aide de l'application.",
    invalid: "Ce lien ne fonctionne pas : il a été modifié, ou la demande a été supprimée.",
  },
  es: {
    title: "Preferencias de correo",
    ask: (ref: string, to: string) => `¿Dejar de enviar correos a ${to} sobre la solicitud ${ref}?`,
    stopTicket: "Darse de baja de esta solicitud",
    stopAll: (ws: string) => `Dejar de recibir todos los correos del soporte de ${ws}`,
    doneTicket: (ref: string, to: string) =>
      `Baja confirmada. ${to} no recibirá más correos sobre la solicitud ${ref}.`,
    doneAll: (ws: string, to: string) => `Baja confirmada. ${to} no recibirá más correos del soporte de ${ws}.`,
    undo: "Deshacer: volver a escribirme",
    resubscribed: (ref: string, to: string) => `Alta de nuevo: ${to} recibirá correos sobre la solicitud ${ref}.`,
    still: "Puede seguir contactando con soporte desde el botón de ayuda de la aplicación.",
    invalid: "Este enlace no funciona: se modificó o la solicitud a la que pertenece se eliminó.",
  },
  it: {
    title: "Preferenze e-mail",
    ask: (ref: string, to: string) => `Non inviare più e-mail a ${to} sulla richiesta ${ref}?`,
    stopTicket: "Annulla l'iscrizione a questa richiesta",
    stopAll: (ws: string) => `Non ricevere più e-mail dall'assistenza di ${ws}`,
    doneTicket: (ref: string, to: string) =>
      `Iscrizione annullata. ${to} non riceverà più e-mail sulla richiesta ${ref}.`,
    doneAll: (ws: string, to: string) =>
      `Iscrizione annullata. ${to} non riceverà più e-mail dall'assistenza di ${ws}.`,
    undo: "Annulla: scrivetemi di nuovo",
    resubscribed: (ref: string, to: string) => `Di nuovo iscritto: ${to} riceverà e-mail sulla richiesta ${ref}.`,
    still: "Può sempre contattare l'assistenza dal pulsante di aiuto nell'app.",
    invalid: "Questo link non funziona: è stato modificato, oppure la richiesta è stata eliminata.",
  },
  pt: {
    title: "Preferências de e-mail",
    ask: (ref: string, to: string) => `Parar de enviar e-mails para ${to} sobre a solicitação ${ref}?`,
    stopTicket: "Cancelar inscrição nesta solicitação",
    stopAll: (ws: string) => `Parar todos os e-mails do suporte de ${ws}`,
    doneTicket: (ref: string, to: string) =>
      `Inscrição cancelada. ${to} não receberá mais e-mails sobre a solicitação ${ref}.`,
    doneAll: (ws: string, to: string) => `Inscrição cancelada. ${to} não receberá mais e-mails do suporte de ${ws}.`,
    undo: "Desfazer: voltar a receber e-mails",
    resubscribed: (ref: string, to: string) => `Inscrito novamente: ${to} receberá e-mails sobre a solicitação ${ref}.`,
    still: "Você ainda pode falar com o suporte pelo botão de ajuda no aplicativo.",
    invalid: "Este link não funciona: foi alterado, ou a solicitação a que pertence foi excluída.",
  },
  nl: {
    title: "E-mailvoorkeuren",
    ask: (ref: string, to: string) => `Geen e-mails meer naar ${to} over verzoek ${ref}?`,
    stopTicket: "Afmelden voor dit verzoek",
    stopAll: (ws: string) => `Alle e-mails van ${ws}-support stoppen`,
    doneTicket: (ref: string, to: string) => `Afgemeld. ${to} krijgt geen e-mails meer over verzoek ${ref}.`,
    doneAll: (ws: string, to: string) => `Afgemeld. ${to} krijgt geen e-mails meer van ${ws}-support.`,
    undo: "Ongedaan maken: mail me weer",
    resubscribed: (ref: string, to: string) => `Weer aangemeld: ${to} krijgt e-mails over verzoek ${ref}.`,
    still: "U kunt support nog steeds bereiken via de helpknop in de app.",
    invalid: "Deze link werkt niet: hij is gewijzigd, of het verzoek is verwijderd.",
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** jamie@northwind.example -> j****@northwind.example: a forwarded mail's link shows no full address. */
const masked = (email: string) => email.replace(/^(.)[^@]*/, (_m, first: string) => `${first}****`);

/** The shell of the pages a customer email links to (unsubscribe, survey): plain HTML, no script. */
export function emailLinkPage(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2937"><main><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const page = (lang: Lang, body: string) => emailLinkPage(lang, STRINGS[lang].title, body);

export const submitButton = (name: string, value: string, label: string, primary = false) =>
  `<button type="submit" name="${name}" value="${value}" style="font:inherit;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0;border-radius:6px;border:1px solid #1f2937;cursor:pointer;${primary ? "background:#1f2937;color:#fff" : "background:#fff;color:#1f2937"}">${escapeHtml(label)}</button>`;

const button = (choice: string, label: string, primary = false) => submitButton("choice", choice, label, primary);

/** The confirmation page: what the link's owner gets today and the choices from there. */
export function unsubscribePage(link: UnsubscribeLink, changed: boolean): string {
  const s = STRINGS[link.lang];
  const to = masked(link.email);
  let message: string;
  let choices: string;
  if (link.state === "all") {
    message = s.doneAll(link.workspaceName, to);
    choices = button("subscribed", s.undo);
  } else if (link.state === "ticket") {
    message = s.doneTicket(link.reference, to);
    choices = button("all", s.stopAll(link.workspaceName)) + button("subscribed", s.undo);
  } else {
    message = changed ? s.resubscribed(link.reference, to) : s.ask(link.reference, to);
    choices = button("ticket", s.stopTicket, true) + button("all", s.stopAll(link.workspaceName));
  }
  const role = changed ? ' role="status"' : "";
  return page(
    link.lang,
    `<p${role}>${escapeHtml(message)}</p><form method="post">${choices}</form><p style="color:#6b7280;font-size:.9rem">${escapeHtml(s.still)}</p>`,
  );
}

export const invalidUnsubscribePage = () => page("en", `<p>${escapeHtml(STRINGS.en.invalid)}</p>`);
