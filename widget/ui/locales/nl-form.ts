import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const nl: FormStrings = {
  title: "Contact met support",
  intro:
    "Vertel ons wat er misging. We sturen met uw bericht mee wat er op deze pagina gebeurde, zodat u het niet twee keer hoeft uit te leggen.",
  email: "E-mail",
  subject: "Onderwerp",
  description: "Beschrijving",
  includeRecording: (seconds) =>
    seconds === 60
      ? "Een opname van de laatste minuut meesturen"
      : `Een opname van de laatste ${seconds} seconden meesturen`,
  recordingHint: "Getypte tekst en wachtwoorden zijn verborgen in de opname.",
  previewLabel: "Wat we meesturen:",
  previewPage: (page) => `pagina ${page}`,
  previewClicks: (n) => (n === 1 ? "1 klik" : `${n} klikken`),
  previewErrors: (n) => (n === 1 ? "1 fout" : `${n} fouten`),
  previewRecording: (seconds) => `${seconds} s opname`,
  previewNoRecording: "geen opname",
  previewMasked: (fields, texts) =>
    `${[fields && (fields === 1 ? "1 veld" : `${fields} velden`), texts && (texts === 1 ? "1 tekstdeel" : `${texts} tekstdelen`)].filter(Boolean).join(" en ")} verborgen`,
  send: "Versturen",
  sending: "Wordt verstuurd…",
  close: "Sluiten",
  cancel: "Annuleren",
  required: "Verplicht",
  invalidEmail: "Voer een geldig e-mailadres in",
  fieldTooLong: (count, max) =>
    `Te lang: ${count.toLocaleString("nl")} tekens, maximaal ${max.toLocaleString("nl")}. Maak het korter; er is niets van uw tekst verwijderd.`,
  created: (reference) => `Ticket ${reference} aangemaakt`,
  createdBody: "Bedankt! Ons supportteam heeft uw bericht. Het antwoord verschijnt hier.",
  uploading: (percent) => `Opname wordt toegevoegd… ${percent}%`,
  uploaded: "Opname toegevoegd.",
  uploadFailed: "De opname kon niet worden toegevoegd, maar uw ticket is aangemaakt.",
  errorNetwork:
    "We konden support niet bereiken. Controleer uw verbinding en probeer het opnieuw; uw bericht blijft bewaard.",
  errorServer: "Support heeft op dit moment problemen. Probeer het zo opnieuw; uw bericht blijft bewaard.",
  errorRejected: "Support kon dit bericht niet aannemen.",
  errorFix: "Corrigeer de gemarkeerde velden.",
  errorKey: "Deze supportwidget is niet goed ingesteld, daardoor kon uw bericht niet worden verstuurd.",
  errorRateLimited: "Te veel berichten in korte tijd. Wacht een minuut en probeer het opnieuw.",
  queuedTitle: "Bericht opgeslagen",
  queuedBody:
    "We konden support nu niet bereiken. Uw bericht is op dit apparaat opgeslagen en wordt automatisch verstuurd: de volgende keer dat u deze pagina opent of zodra u weer online bent.",
  blockedTitle: "Deze pagina blokkeert verzenden",
  blockedBody:
    "De beveiligingsinstellingen van deze pagina laten de helpwidget support niet bereiken, dus uw bericht kan hier niet worden verstuurd. Het is op dit apparaat opgeslagen en gaat weg zodra de site het toestaat; is het dringend, neem dan op een andere manier contact op met support.",
  uploadQueued: "De opname is opgeslagen en wordt automatisch toegevoegd.",
  attachLabel: "Screenshots of bestanden toevoegen",
  attachHint: "Sleep bestanden hierheen of plak een screenshot. Afbeeldingen, PDF, tekst, zip; elk maximaal 10 MB.",
  attachedFiles: "Toegevoegde bestanden",
  removeFile: (name) => `${name} verwijderen`,
  filesNotAttached: (names) =>
    `Kon nu niet worden toegevoegd: ${names}. Uw ticket is aangemaakt; voeg de bestanden opnieuw toe in het gesprek.`,
  notAttached: (names) => `Niet toegevoegd (type of grootte, max. 10 MB): ${names}`,
};
export default nl;
