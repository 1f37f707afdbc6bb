import type { CustomerFeedback } from "../../shared/metrics.js";
import { escapeHtml, type Lang } from "../services/notifications/email-strings.js";
import { emailLinkPage, submitButton } from "./unsubscribe-page.js";

/** The widget's three questions (widget/ui/strings-conversation.ts and its locales), worded the same here. */
const STRINGS = {
  en: {
    title: "Before you go: how did it go?",
    about: (ref: string) => `About your request ${ref}.`,
    repeated: "Did you have to repeat yourself?",
    people: "How many people did you talk to?",
    inTime: "Was it resolved in a reasonable time?",
    yes: "Yes",
    no: "No",
    send: "Send feedback",
    thanks: "Thanks for your feedback!",
    already: (ref: string) => `You already answered these questions for request ${ref}; your first answers are kept.`,
    closed: (ref: string) => `Request ${ref} is not resolved at the moment, so there is nothing to answer yet.`,
    fix: "Please answer every question (the number of people is 1 to 20).",
    invalid: "This link does not work: it was altered, or the request it belongs to was deleted.",
  },
  de: {
    title: "Kurz noch: Wie lief es?",
    about: (ref: string) => `Zu Ihrer Anfrage ${ref}.`,
    repeated: "Mussten Sie sich wiederholen?",
    people: "Mit wie vielen Personen haben Sie gesprochen?",
    inTime: "Wurde es in angemessener Zeit gelöst?",
    yes: "Ja",
    no: "Nein",
    send: "Feedback senden",
    thanks: "Danke für Ihr Feedback!",
    already: (ref: string) =>
      `Sie haben diese Fragen zur Anfrage ${ref} bereits beantwortet; Ihre ersten Antworten bleiben gespeichert.`,
    closed: (ref: string) => `Die Anfrage ${ref} ist derzeit nicht gelöst; es gibt noch nichts zu beantworten.`,
    fix: "Bitte beantworten Sie jede Frage (Anzahl der Personen: 1 bis 20).",
    invalid: "Dieser Link funktioniert nicht: Er wurde verändert, oder die Anfrage wurde gelöscht.",
  },
  fr: {
    title: "Avant de partir : comment cela s'est-il passé ?",
    about: (ref: string) => `À propos de votre demande ${ref}.`,
    repeated: "Avez-vous dû vous répéter ?",
    people: "Avec combien de personnes avez-vous parlé ?",
    inTime: "Le problème a-t-il été résolu dans un délai raisonnable ?",
    yes: "Oui",
    no: "Non",
    send: "Envoyer l'avis",
    thanks: "Merci pour votre avis !",
    already: (ref: string) =>
      `Vous avez déjà répondu à ces questions pour la demande ${ref} ; vos premières réponses sont conservées.`,
    closed: (ref: string) => `La demande ${ref} n'est pas résolue pour le moment ; il n'y a rien à répondre.`,
    fix: "Merci de répondre à chaque question (nombre de personnes : 1 à 20).",
    invalid: "Ce lien ne fonctionne pas : il a été modifié, ou la demande a été supprimée.",
  },
  es: {
    title: "Antes de irse: ¿cómo le fue?",
    about: (ref: string) => `Sobre su solicitud ${ref}.`,
    repeated: "¿Tuvo que repetirse?",
    people: "¿Con cuántas personas habló?",
    inTime: "¿Se resolvió en un tiempo razonable?",
    yes: "Sí",
    no: "No",
    send: "Enviar opinión",
    thanks: "¡Gracias por su opinión!",
    already: (ref: string) =>
      `Ya respondió a estas preguntas para la solicitud ${ref}; se conservan sus primeras respuestas.`,
    closed: (ref: string) => `La solicitud ${ref} no está resuelta en este momento; aún no hay nada que responder.`,
    fix: "Responda a todas las preguntas (el número de personas va de 1 a 20).",
    invalid: "Este enlace no funciona: se modificó o la solicitud a la que pertenece se eliminó.",
  },
  it: {
    title: "Prima di andare: com'è andata?",
    about: (ref: string) => `Sulla Sua richiesta ${ref}.`,
    repeated: "Ha dovuto ripetersi?",
    people: "Con quante persone ha parlato?",
    inTime: "È stato risolto in tempi ragionevoli?",
    yes: "Sì",
    no: "No",
    send: "Invia feedback",
    thanks: "Grazie per il Suo feedback!",
    already: (ref: string) =>
      `Ha già risposto a queste domande per la richiesta ${ref}; restano valide le Sue prime risposte.`,
    closed: (ref: string) => `La richiesta ${ref} al momento non è risolta; non c'è ancora nulla a cui rispondere.`,
    fix: "Risponda a ogni domanda (il numero di persone va da 1 a 20).",
    invalid: "Questo link non funziona: è stato modificato, oppure la richiesta è stata eliminata.",
  },
  pt: {
    title: "Antes de ir: como foi?",
    about: (ref: string) => `Sobre sua solicitação ${ref}.`,
    repeated: "Você precisou se repetir?",
    people: "Com quantas pessoas você falou?",
    inTime: "Foi resolvido em um tempo razoável?",
    yes: "Sim",
    no: "Não",
    send: "Enviar avaliação",
    thanks: "Obrigado pela sua avaliação!",
    already: (ref: string) =>
      `Você já respondeu a estas perguntas para a solicitação ${ref}; suas primeiras respostas foram mantidas.`,
    closed: (ref: string) => `A solicitação ${ref} não está resolvida no momento; ainda não há nada a responder.`,
    fix: "Responda a todas as perguntas (o número de pessoas vai de 1 a 20).",
    invalid: "Este link não funciona: foi alterado, ou a solicitação a que pertence foi excluída.",
  },
  nl: {
    title: "Nog even: hoe ging het?",
    about: (ref: string) => `Over uw verzoek ${ref}.`,
    repeated: "Moest u zichzelf herhalen?",
    people: "Met hoeveel mensen heeft u gesproken?",
    inTime: "Is het binnen een redelijke tijd opgelost?",
    yes: "Ja",
    no: "Nee",
    send: "Feedback versturen",
    thanks: "Bedankt voor uw feedback!",
    already: (ref: string) =>
      `U hebt deze vragen voor verzoek ${ref} al beantwoord; uw eerste antwoorden blijven bewaard.`,
    closed: (ref: string) => `Verzoek ${ref} is op dit moment niet opgelost; er is nog niets te beantwoorden.`,
    fix: "Beantwoord elke vraag (het aantal mensen is 1 tot 20).",
    invalid: "Deze link werkt niet: hij is gewijzigd, of het verzoek is verwijderd.",
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** What the form holds so far: from the mail's one-click answer, or a POST that did not validate. */
export type SurveyDraft = Partial<Record<keyof CustomerFeedback, string>>;

const page = (lang: Lang, body: string) => emailLinkPage(lang, STRINGS[lang].title, body);
const para = (text: string, role = "") => `<p${role ? ` role="${role}"` : ""}>${escapeHtml(text)}</p>`;

function yesNo(lang: Lang, name: keyof CustomerFeedback, legend: string, value: string | undefined) {
  const s = STRINGS[lang];
  const radio = (v: "yes" | "no", label: string) =>
    `<label style="margin-right:1rem"><input type="radio" name="${name}" value="${v}"${value === v ? " checked" : ""} required> ${escapeHtml(label)}</label>`;
  return `<fieldset style="border:0;padding:0;margin:0 0 1rem"><legend style="font-weight:600">${escapeHtml(legend)}</legend>${radio("yes", s.yes)}${radio("no", s.no)}</fieldset>`;
}

/** The three questions; the answer clicked in the mail comes preselected, and nothing is stored before "Send". */
export function surveyForm(lang: Lang, reference: string, draft: SurveyDraft, error = false): string {
  const s = STRINGS[lang];
  const people = /^\d{1,2}$/.test(draft.peopleTalkedTo ?? "") ? draft.peopleTalkedTo : "1";
  return page(
    lang,
    `${para(s.about(reference))}${error ? para(s.fix, "alert") : ""}<form method="post">${yesNo(lang, "resolvedInReasonableTime", s.inTime, draft.resolvedInReasonableTime)}${yesNo(lang, "repeatedThemselves", s.repeated, draft.repeatedThemselves)}<p><label style="font-weight:600" for="people">${escapeHtml(s.people)}</label><br><input id="people" name="peopleTalkedTo" type="number" min="1" max="20" value="${people}" required style="font:inherit;width:5rem"></p>${submitButton("send", "1", s.send, true)}</form>`,
  );
}

export const surveyThanks = (lang: Lang) => page(lang, para(STRINGS[lang].thanks, "status"));
export const surveyAlreadyAnswered = (lang: Lang, reference: string) =>
  page(lang, para(STRINGS[lang].already(reference), "status"));
export const surveyClosed = (lang: Lang, reference: string) => page(lang, para(STRINGS[lang].closed(reference)));
export const invalidSurveyPage = () => page("en", para(STRINGS.en.invalid));
