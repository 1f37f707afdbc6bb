import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const it: FormStrings = {
  title: "Contatta l'assistenza",
  intro:
    "Ci descriva che cosa non ha funzionato. Insieme al Suo messaggio invieremo ciò che è successo su questa pagina, così non dovrà spiegarlo due volte.",
  email: "E-mail",
  subject: "Oggetto",
  description: "Descrizione",
  includeRecording: (seconds) =>
    seconds === 60
      ? "Includi una registrazione dell'ultimo minuto"
      : `Includi una registrazione degli ultimi ${seconds} secondi`,
  recordingHint: "Il testo digitato e le password sono nascosti nella registrazione.",
  previewLabel: "Che cosa invieremo:",
  previewPage: (page) => `pagina ${page}`,
  previewClicks: (n) => (n === 1 ? "1 clic" : `${n} clic`),
  previewErrors: (n) => (n === 1 ? "1 errore" : `${n} errori`),
  previewRecording: (seconds) => `${seconds} s di registrazione`,
  previewNoRecording: "nessuna registrazione",
  previewMasked: (fields, texts) =>
    `${[fields && (fields === 1 ? "1 campo nascosto" : `${fields} campi nascosti`), texts && (texts === 1 ? "1 testo nascosto" : `${texts} testi nascosti`)].filter(Boolean).join(" e ")}`,
  send: "Invia",
  sending: "Invio in corso…",
  close: "Chiudi",
  cancel: "Annulla",
  required: "Obbligatorio",
  invalidEmail: "Inserisca un indirizzo e-mail valido",
  fieldTooLong: (count, max) =>
    `Troppo lungo: ${count.toLocaleString("it")} caratteri, al massimo ${max.toLocaleString("it")}. Lo accorci; nulla di ciò che ha scritto è stato rimosso.`,
  created: (reference) => `Ticket ${reference} creato`,
  createdBody: "Grazie! Il nostro team di assistenza ha ricevuto il Suo messaggio. La risposta comparirà qui.",
  uploading: (percent) => `Allegato della registrazione… ${percent}%`,
  uploaded: "Registrazione allegata.",
  uploadFailed: "Non è stato possibile allegare la registrazione, ma il Suo ticket è stato creato.",
  errorNetwork:
    "Non riusciamo a raggiungere l'assistenza. Controlli la connessione e riprovi: il Suo messaggio è conservato.",
  errorServer: "L'assistenza ha un problema in questo momento. Riprovi tra poco: il Suo messaggio è conservato.",
  errorRejected: "L'assistenza non ha potuto accettare questo messaggio.",
  errorFix: "Corregga i campi evidenziati.",
  errorKey: "Questo widget di assistenza non è configurato correttamente, quindi il Suo messaggio non è stato inviato.",
  errorRateLimited: "Troppi messaggi in poco tempo. Attenda un minuto e riprovi.",
  queuedTitle: "Messaggio salvato",
  queuedBody:
    "Al momento non riusciamo a raggiungere l'assistenza. Il Suo messaggio è salvato su questo dispositivo e verrà inviato automaticamente: alla prossima apertura di questa pagina o quando sarà di nuovo online.",
  blockedTitle: "Questa pagina blocca l'invio",
  blockedBody:
    "Le impostazioni di sicurezza di questa pagina impediscono al widget di raggiungere l'assistenza, quindi il Suo messaggio non può essere inviato da qui. È salvato su questo dispositivo e partirà quando il sito lo consentirà; se è urgente, contatti l'assistenza in un altro modo.",
  uploadQueued: "La registrazione è salvata e verrà allegata automaticamente.",
  attachLabel: "Allega screenshot o file",
  attachHint: "Trascini qui i file o incolli uno screenshot. Immagini, PDF, testo, zip; fino a 10 MB ciascuno.",
  attachedFiles: "File allegati",
  removeFile: (name) => `Rimuovi ${name}`,
  filesNotAttached: (names) =>
    `Non è stato possibile allegare ora: ${names}. Il Suo ticket è stato creato; li alleghi di nuovo nella conversazione.`,
  notAttached: (names) => `Non allegato (tipo o dimensione, max 10 MB): ${names}`,
};
export default it;
