import type { FormStrings } from "../strings-form.js";

/** Loaded only on pages that ask for this language (see loadFormStrings). */
const fr: FormStrings = {
  title: "Contacter le support",
  intro:
    "Dites-nous ce qui s'est mal passé. Nous joignons ce qui s'est passé sur cette page, pour que vous n'ayez pas à tout réexpliquer.",
  email: "E-mail",
  subject: "Objet",
  description: "Description",
  includeRecording: (seconds) =>
    seconds === 60
      ? "Joindre un enregistrement de la dernière minute"
      : `Joindre un enregistrement des ${seconds} dernières secondes`,
  recordingHint: "Le texte saisi et les mots de passe sont masqués dans l'enregistrement.",
  previewLabel: "Ce que nous enverrons :",
  previewPage: (page) => `page ${page}`,
  previewClicks: (n) => (n <= 1 ? `${n} clic` : `${n} clics`),
  previewErrors: (n) => (n <= 1 ? `${n} erreur` : `${n} erreurs`),
  previewRecording: (seconds) => `enregistrement de ${seconds} s`,
  previewNoRecording: "aucun enregistrement",
  previewMasked: (fields, texts) =>
    `${[fields && (fields <= 1 ? `${fields} champ masqué` : `${fields} champs masqués`), texts && (texts <= 1 ? `${texts} passage de texte masqué` : `${texts} passages de texte masqués`)].filter(Boolean).join(" et ")}`,
  send: "Envoyer",
  sending: "Envoi…",
  close: "Fermer",
  cancel: "Annuler",
  required: "Obligatoire",
  invalidEmail: "Saisissez une adresse e-mail valide",
  fieldTooLong: (count, max) =>
    `Trop long : ${count.toLocaleString("fr")} caractères, ${max.toLocaleString("fr")} au maximum. Raccourcissez-le ; rien de ce que vous avez écrit n'a été supprimé.`,
  created: (reference) => `Ticket ${reference} créé`,
  createdBody: "Merci ! Notre équipe support a bien reçu votre message. Sa réponse s'affichera ici.",
  uploading: (percent) => `Ajout de l'enregistrement… ${percent} %`,
  uploaded: "Enregistrement joint.",
  uploadFailed: "L'enregistrement n'a pas pu être joint, mais votre ticket a bien été créé.",
  errorNetwork: "Impossible de joindre le support. Vérifiez votre connexion et réessayez — votre message est conservé.",
  errorServer: "Le support rencontre un problème. Réessayez dans un instant — votre message est conservé.",
  errorRejected: "Le support n'a pas pu accepter ce message.",
  errorFix: "Veuillez corriger les champs signalés.",
  errorKey: "Ce widget de support est mal configuré : votre message n'a pas pu être envoyé.",
  errorRateLimited: "Trop de messages en peu de temps. Patientez une minute puis réessayez.",
  queuedTitle: "Message enregistré",
  queuedBody:
    "Le support est injoignable pour le moment. Votre message est enregistré sur cet appareil et sera envoyé automatiquement — à la prochaine ouverture de cette page ou dès votre retour en ligne.",
  blockedTitle: "Cette page bloque l'envoi",
  blockedBody:
    "Les réglages de sécurité de cette page empêchent le widget d'aide de joindre le support : votre message ne peut pas être envoyé d'ici. Il est enregistré sur cet appareil et partira dès que le site le permettra ; si c'est urgent, contactez le support autrement.",
  uploadQueued: "L'enregistrement est conservé et sera joint automatiquement.",
  attachLabel: "Joindre des captures d'écran ou des fichiers",
  attachHint: "Déposez des fichiers ici ou collez une capture d'écran. Images, PDF, texte, zip ; 10 Mo maximum chacun.",
  attachedFiles: "Fichiers joints",
  removeFile: (name) => `Retirer ${name}`,
  filesNotAttached: (names) =>
    `Impossible de joindre pour l'instant : ${names}. Votre ticket a été créé ; joignez-les à nouveau dans la conversation.`,
  notAttached: (names) => `Non joint (type ou taille, 10 Mo maximum) : ${names}`,
};
export default fr;
