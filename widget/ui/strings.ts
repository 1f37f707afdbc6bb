/** Every string the customer sees, per locale. Add a locale by copying `en`. */
const en = {
  launcher: "Help and support",
  launcherText: "Help",
  title: "Contact support",
  intro: "Tell us what went wrong. We'll send what happened on this page with your message, so you don't have to explain it twice.",
  email: "Email",
  subject: "Subject",
  description: "Description",
  includeRecording: (seconds: number) =>
    seconds === 60 ? "Include a recording of the last minute" : `Include a recording of the last ${seconds} seconds`,
  recordingHint: "Typed text and passwords are hidden in the recording.",
  previewLabel: "What we'll send:",
  previewPage: (page: string) => `page ${page}`,
  previewClicks: (n: number) => (n === 1 ? "1 click" : `${n} clicks`),
  previewErrors: (n: number) => (n === 1 ? "1 error" : `${n} errors`),
  previewRecording: (seconds: number) => `${seconds} s recording`,
  previewNoRecording: "no recording",
  send: "Send",
  sending: "Sending…",
  close: "Close",
  cancel: "Cancel",
  required: "Required",
  invalidEmail: "Enter a valid email address",
  created: (reference: string) => `Ticket ${reference} created`,
  createdBody: "Thanks! Our support team has your message and will reply by email.",
  uploading: (percent: number) => `Attaching the recording… ${percent}%`,
  uploaded: "Recording attached.",
  uploadFailed: "The recording could not be attached, but your ticket was created.",
  errorNetwork: "We couldn't reach support. Check your connection and try again — your message is kept.",
  errorServer: "Support is having trouble right now. Please try again in a moment — your message is kept.",
  errorRejected: "Support could not accept this message.",
  errorFix: "Please fix the highlighted fields.",
  errorKey: "This support widget is not set up correctly (invalid site key).",
  errorRateLimited: "Too many messages in a short time. Please wait a minute and try again.",
  queuedTitle: "Message saved",
  queuedBody: "We couldn't reach support right now. Your message is saved on this device and will be sent automatically — next time you open this page or when you're back online.",
  uploadQueued: "The recording is saved and will be attached automatically.",
};

export type Strings = typeof en;

const de: Strings = {
  launcher: "Hilfe und Support",
  launcherText: "Hilfe",
  title: "Support kontaktieren",
  intro: "Beschreiben Sie, was schiefgelaufen ist. Wir senden mit, was auf dieser Seite passiert ist, damit Sie nichts doppelt erklären müssen.",
  email: "E-Mail",
  subject: "Betreff",
  description: "Beschreibung",
  includeRecording: (seconds) =>
    seconds === 60 ? "Aufzeichnung der letzten Minute anhängen" : `Aufzeichnung der letzten ${seconds} Sekunden anhängen`,
  recordingHint: "Eingaben und Passwörter sind in der Aufzeichnung verborgen.",
  previewLabel: "Wir senden:",
  previewPage: (page) => `Seite ${page}`,
  previewClicks: (n) => (n === 1 ? "1 Klick" : `${n} Klicks`),
  previewErrors: (n) => (n === 1 ? "1 Fehler" : `${n} Fehler`),
  previewRecording: (seconds) => `${seconds} s Aufzeichnung`,
  previewNoRecording: "keine Aufzeichnung",
  send: "Senden",
  sending: "Wird gesendet…",
  close: "Schließen",
  cancel: "Abbrechen",
  required: "Pflichtfeld",
  invalidEmail: "Bitte eine gültige E-Mail-Adresse eingeben",
  created: (reference) => `Ticket ${reference} erstellt`,
  createdBody: "Danke! Unser Support-Team hat Ihre Nachricht und antwortet per E-Mail.",
  uploading: (percent) => `Aufzeichnung wird angehängt… ${percent} %`,
  uploaded: "Aufzeichnung angehängt.",
  uploadFailed: "Die Aufzeichnung konnte nicht angehängt werden, Ihr Ticket wurde aber erstellt.",
  errorNetwork: "Der Support ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut – Ihre Nachricht bleibt erhalten.",
  errorServer: "Beim Support gibt es gerade ein Problem. Bitte versuchen Sie es gleich noch einmal – Ihre Nachricht bleibt erhalten.",
  errorRejected: "Der Support konnte diese Nachricht nicht annehmen.",
  errorFix: "Bitte korrigieren Sie die markierten Felder.",
  errorKey: "Dieses Support-Widget ist nicht richtig eingerichtet (ungültiger Site-Key).",
  errorRateLimited: "Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie eine Minute.",
  queuedTitle: "Nachricht gespeichert",
  queuedBody: "Der Support ist gerade nicht erreichbar. Ihre Nachricht ist auf diesem Gerät gespeichert und wird automatisch gesendet – beim nächsten Öffnen dieser Seite oder sobald Sie wieder online sind.",
  uploadQueued: "Die Aufzeichnung ist gespeichert und wird automatisch angehängt.",
};

const fr: Strings = {
  launcher: "Aide et support",
  launcherText: "Aide",
  title: "Contacter le support",
  intro: "Dites-nous ce qui s'est mal passé. Nous joignons ce qui s'est passé sur cette page, pour que vous n'ayez pas à tout réexpliquer.",
  email: "E-mail",
  subject: "Objet",
  description: "Description",
  includeRecording: (seconds) =>
    seconds === 60 ? "Joindre un enregistrement de la dernière minute" : `Joindre un enregistrement des ${seconds} dernières secondes`,
  recordingHint: "Le texte saisi et les mots de passe sont masqués dans l'enregistrement.",
  previewLabel: "Ce que nous enverrons :",
  previewPage: (page) => `page ${page}`,
  previewClicks: (n) => (n <= 1 ? `${n} clic` : `${n} clics`),
  previewErrors: (n) => (n <= 1 ? `${n} erreur` : `${n} erreurs`),
  previewRecording: (seconds) => `enregistrement de ${seconds} s`,
  previewNoRecording: "aucun enregistrement",
  send: "Envoyer",
  sending: "Envoi…",
  close: "Fermer",
  cancel: "Annuler",
  required: "Obligatoire",
  invalidEmail: "Saisissez une adresse e-mail valide",
  created: (reference) => `Ticket ${reference} créé`,
  createdBody: "Merci ! Notre équipe support a reçu votre message et vous répondra par e-mail.",
  uploading: (percent) => `Ajout de l'enregistrement… ${percent} %`,
  uploaded: "Enregistrement joint.",
  uploadFailed: "L'enregistrement n'a pas pu être joint, mais votre ticket a bien été créé.",
  errorNetwork: "Impossible de joindre le support. Vérifiez votre connexion et réessayez — votre message est conservé.",
  errorServer: "Le support rencontre un problème. Réessayez dans un instant — votre message est conservé.",
  errorRejected: "Le support n'a pas pu accepter ce message.",
  errorFix: "Veuillez corriger les champs signalés.",
  errorKey: "Ce widget de support est mal configuré (clé de site invalide).",
  errorRateLimited: "Trop de messages en peu de temps. Patientez une minute puis réessayez.",
  queuedTitle: "Message enregistré",
  queuedBody: "Le support est injoignable pour le moment. Votre message est enregistré sur cet appareil et sera envoyé automatiquement — à la prochaine ouverture de cette page ou dès votre retour en ligne.",
  uploadQueued: "L'enregistrement est conservé et sera joint automatiquement.",
};

export const LOCALES: Record<string, Strings> = { en, de, fr };

/** Exact match, then language ("de-AT" -> "de"), then the browser's languages, then English. */
export function stringsFor(locale: string | undefined, browser: readonly string[] = []): Strings {
  for (const candidate of [locale, ...browser]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    const hit = LOCALES[lower] || LOCALES[lower.split("-")[0]];
    if (hit) return hit;
  }
  return en;
}
