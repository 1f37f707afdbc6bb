import type { ConversationStrings } from "../strings-conversation.js";

/** Loaded only by pages in this language that show the conversation view (see loadConversationStrings). */
const fr: ConversationStrings = {
  unread: (n) => (n === 1 ? "1 réponse non lue" : `${n} réponses non lues`),
  newMessage: "Nouveau message",
  conversations: "Vos conversations",
  noConversations: "Aucune conversation pour l'instant.",
  loading: "Chargement…",
  back: "Retour",
  earlier: "Afficher les messages précédents",
  viewConversation: "Voir la conversation",
  you: "Vous",
  support: "Support",
  status: {
    open: "Ouvert",
    pending: "En attente de votre réponse",
    escalated: "Chez un spécialiste",
    resolved: "Résolu",
    closed: "Fermé",
  },
  reply: "Votre réponse",
  tooLong:
    "Votre réponse est trop longue : 10 000 caractères au plus. Raccourcissez-la ou envoyez-la en plusieurs fois.",
  offlineReply: "Vous êtes hors ligne. Votre réponse sera envoyée dès le retour de la connexion.",
  sendReply: "Envoyer la réponse",
  closedConversation: "Cette conversation est fermée. Commencez-en une nouvelle pour nous joindre.",
  feedbackTitle: "Avant de partir : comment cela s'est-il passé ?",
  feedbackRepeated: "Avez-vous dû vous répéter ?",
  feedbackPeople: "Avec combien de personnes avez-vous parlé ?",
  feedbackInTime: "Le problème a-t-il été résolu dans un délai raisonnable ?",
  yes: "Oui",
  no: "Non",
  feedbackSend: "Envoyer l'avis",
  feedbackThanks: "Merci pour votre avis !",
  files: "Fichiers",
  filesInConversation: "Fichiers de cette conversation",
  attachFile: "Joindre une capture d'écran ou un fichier",
  uploadingFile: "Envoi en cours…",
  notAttached: (name) => `Non joint (type ou taille, 10 Mo maximum) : ${name}`,
};
export default fr;
