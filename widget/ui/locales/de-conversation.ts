import type { ConversationStrings } from "../strings-conversation.js";

/** Loaded only by pages in this language that show the conversation view (see loadConversationStrings). */
const de: ConversationStrings = {
  unread: (n) => (n === 1 ? "1 ungelesene Antwort" : `${n} ungelesene Antworten`),
  newMessage: "Neue Nachricht",
  conversations: "Ihre Unterhaltungen",
  noConversations: "Noch keine Unterhaltungen.",
  loading: "Wird geladen…",
  back: "Zurück",
  earlier: "Frühere Nachrichten anzeigen",
  viewConversation: "Unterhaltung ansehen",
  you: "Sie",
  support: "Support",
  status: {
    open: "Offen",
    pending: "Wartet auf Ihre Antwort",
    escalated: "Bei einem Spezialisten",
    resolved: "Gelöst",
    closed: "Geschlossen",
  },
  reply: "Ihre Antwort",
  tooLong: "Ihre Antwort ist zu lang: höchstens 10.000 Zeichen. Kürzen Sie sie oder senden Sie sie in Teilen.",
  offlineReply: "Sie sind offline. Ihre Antwort wird gesendet, sobald die Verbindung wieder da ist.",
  sendReply: "Antwort senden",
  closedConversation: "Diese Unterhaltung ist geschlossen. Beginnen Sie eine neue, um uns wieder zu erreichen.",
  feedbackTitle: "Kurz noch: Wie lief es?",
  feedbackRepeated: "Mussten Sie sich wiederholen?",
  feedbackPeople: "Mit wie vielen Personen haben Sie gesprochen?",
  feedbackInTime: "Wurde es in angemessener Zeit gelöst?",
  yes: "Ja",
  no: "Nein",
  feedbackSend: "Feedback senden",
  feedbackThanks: "Danke für Ihr Feedback!",
};
export default de;
