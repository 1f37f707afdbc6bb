/**
 * The customer-facing texts of the conversation view (list, thread, reply, feedback questions), next to the core
 * ones in strings.ts. They ship in the conversation chunk, which only visitors with something to follow download;
 * other languages in locales/<lang>-conversation.ts, fetched only by pages in that language.
 */
import { localized } from "./strings.js";

const en = {
  unread: (n: number) => (n === 1 ? "1 unread reply" : `${n} unread replies`),
  newMessage: "New message",
  conversations: "Your conversations",
  noConversations: "No conversations yet.",
  loading: "Loading…",
  back: "Back",
  earlier: "Show earlier messages",
  viewConversation: "View conversation",
  you: "You",
  support: "Support",
  status: {
    open: "Open",
    pending: "Waiting for your reply",
    escalated: "With a specialist",
    resolved: "Resolved",
    closed: "Closed",
  },
  reply: "Your reply",
  tooLong: "Your reply is too long: at most 10,000 characters. Shorten it or send it in parts.",
  offlineReply: "You're offline. Your reply is sent as soon as the connection is back.",
  sendReply: "Send reply",
  closedConversation: "This conversation is closed. Start a new one to reach us again.",
  feedbackTitle: "Before you go: how did it go?",
  feedbackRepeated: "Did you have to repeat yourself?",
  feedbackPeople: "How many people did you talk to?",
  feedbackInTime: "Was it resolved in a reasonable time?",
  yes: "Yes",
  no: "No",
  feedbackSend: "Send feedback",
  feedbackThanks: "Thanks for your feedback!",
  files: "Files",
  filesInConversation: "Files in this conversation",
  attachFile: "Attach a screenshot or file",
  uploadingFile: "Uploading…",
  notAttached: (name: string) => `Not attached (type or size, max 10 MB): ${name}`,
};

export type ConversationStrings = typeof en;

const LOCALES: Record<string, () => Promise<{ default: ConversationStrings }>> = {
  de: () => import("./locales/de-conversation.js"),
  fr: () => import("./locales/fr-conversation.js"),
  es: () => import("./locales/es-conversation.js"),
  it: () => import("./locales/it-conversation.js"),
  pt: () => import("./locales/pt-conversation.js"),
  nl: () => import("./locales/nl-conversation.js"),
};

/** For a locale picked by localeFor() (strings.ts), with the site's overrides of plain-text entries. */
export const loadConversationStrings = (
  locale: string,
  overrides: Record<string, unknown> = {},
): Promise<ConversationStrings> => localized(en, LOCALES[locale], overrides);
