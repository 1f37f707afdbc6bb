import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const de: FormStrings = {
  title: "Support kontaktieren",
  intro:
    "Beschreiben Sie, was schiefgelaufen ist. Wir senden mit, was auf dieser Seite passiert ist, damit Sie nichts doppelt erklären müssen.",
  email: "E-Mail",
  subject: "Betreff",
  description: "Beschreibung",
  includeRecording: (seconds) =>
    seconds === 60
      ? "Aufzeichnung der letzten Minute anhängen"
      : `Aufzeichnung der letzten ${seconds} Sekunden anhängen`,
  recordingHint: "Eingaben und Passwörter sind in der Aufzeichnung verborgen.",
  previewLabel: "Wir senden:",
  previewPage: (page) => `Seite ${page}`,
  previewClicks: (n) => (n === 1 ? "1 Klick" : `${n} Klicks`),
  previewErrors: (n) => (n === 1 ? "1 Fehler" : `${n} Fehler`),
  previewRecording: (seconds) => `${seconds} s Aufzeichnung`,
  previewNoRecording: "keine Aufzeichnung",
  previewMasked: (fields, texts) =>
    `${[fields && (fields === 1 ? "1 Feld" : `${fields} Felder`), texts && (texts === 1 ? "1 Textstelle" : `${texts} Textstellen`)].filter(Boolean).join(" und ")} verborgen`,
  send: "Senden",
  sending: "Wird gesendet…",
  close: "Schließen",
  cancel: "Abbrechen",
  required: "Pflichtfeld",
  invalidEmail: "Bitte eine gültige E-Mail-Adresse eingeben",
  fieldTooLong: (count, max) =>
    `Zu lang: ${count.toLocaleString("de")} Zeichen, höchstens ${max.toLocaleString("de")}. Bitte kürzen; von Ihrem Text wurde nichts entfernt.`,
  created: (reference) => `Ticket ${reference} erstellt`,
  createdBody: "Danke! Unser Support-Team hat Ihre Nachricht. Die Antwort erscheint hier.",
  uploading: (percent) => `Aufzeichnung wird angehängt… ${percent} %`,
  uploaded: "Aufzeichnung angehängt.",
  uploadFailed: "Die Aufzeichnung konnte nicht angehängt werden, Ihr Ticket wurde aber erstellt.",
  errorNetwork:
    "Der Support ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut – Ihre Nachricht bleibt erhalten.",
  errorServer:
    "Beim Support gibt es gerade ein Problem. Bitte versuchen Sie es gleich noch einmal – Ihre Nachricht bleibt erhalten.",
  errorRejected: "Der Support konnte diese Nachricht nicht annehmen.",
  errorFix: "Bitte korrigieren Sie die markierten Felder.",
  errorKey: "Dieses Support-Widget ist nicht richtig eingerichtet, daher konnte Ihre Nachricht nicht gesendet werden.",
  errorRateLimited: "Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie eine Minute.",
  queuedTitle: "Nachricht gespeichert",
  queuedBody:
    "Der Support ist gerade nicht erreichbar. Ihre Nachricht ist auf diesem Gerät gespeichert und wird automatisch gesendet – beim nächsten Öffnen dieser Seite oder sobald Sie wieder online sind.",
  blockedTitle: "Diese Seite blockiert das Senden",
  blockedBody:
    "Die Sicherheitseinstellungen dieser Seite lassen das Hilfe-Widget den Support nicht erreichen, daher kann Ihre Nachricht von hier nicht gesendet werden. Sie ist auf diesem Gerät gespeichert und wird gesendet, sobald die Seite es erlaubt; wenn es dringend ist, kontaktieren Sie den Support auf anderem Weg.",
  uploadQueued: "Die Aufzeichnung ist gespeichert und wird automatisch angehängt.",
  attachLabel: "Screenshots oder Dateien anhängen",
  attachHint: "Dateien hierher ziehen oder einen Screenshot einfügen. Bilder, PDF, Text, ZIP; je höchstens 10 MB.",
  attachedFiles: "Angehängte Dateien",
  removeFile: (name) => `${name} entfernen`,
  filesNotAttached: (names) =>
    `Konnte gerade nicht angehängt werden: ${names}. Ihr Ticket wurde erstellt; hängen Sie die Dateien im Gespräch erneut an.`,
  notAttached: (names) => `Nicht angehängt (Dateityp oder Größe, höchstens 10 MB): ${names}`,
};
export default de;
