/**
 * The new-ticket form's texts, next to the launcher's in strings.ts. They ship in the form chunk, fetched on intent
 * (hover or focus of the launcher, or opening it), so they are not on the launcher's critical path; other languages
 * in locales/<lang>-form.ts, fetched only by pages in that language.
 */
import { localized } from "./strings.js";

const en = {
  title: "Contact support",
  intro:
    "Tell us what went wrong. We'll send what happened on this page with your message, so you don't have to explain it twice.",
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
  previewMasked: (fields: number, texts: number) =>
    `${[fields && (fields === 1 ? "1 field" : `${fields} fields`), texts && (texts === 1 ? "1 piece of text" : `${texts} pieces of text`)].filter(Boolean).join(" and ")} hidden`,
  send: "Send",
  sending: "Sending…",
  close: "Close",
  cancel: "Cancel",
  required: "Required",
  invalidEmail: "Enter a valid email address",
  fieldTooLong: (count: number, max: number) =>
    `Too long: ${count.toLocaleString("en")} characters, at most ${max.toLocaleString("en")}. Shorten it; nothing you wrote has been removed.`,
  created: (reference: string) => `Ticket ${reference} created`,
  createdBody: "Thanks! Our support team has your message. Their reply will show up here.",
  uploading: (percent: number) => `Attaching the recording… ${percent}%`,
  uploaded: "Recording attached.",
  uploadFailed: "The recording could not be attached, but your ticket was created.",
  errorNetwork: "We couldn't reach support. Check your connection and try again — your message is kept.",
  errorServer: "Support is having trouble right now. Please try again in a moment — your message is kept.",
  errorRejected: "Support could not accept this message.",
  errorFix: "Please fix the highlighted fields.",
  errorKey: "This support widget is not set up correctly, so your message could not be sent.",
  errorRateLimited: "Too many messages in a short time. Please wait a minute and try again.",
  queuedTitle: "Message saved",
  queuedBody:
    "We couldn't reach support right now. Your message is saved on this device and will be sent automatically — next time you open this page or when you're back online.",
  blockedTitle: "This page blocks sending",
  blockedBody:
    "This page's security settings stop the help widget from reaching support, so your message cannot be sent from here. It is saved on this device and goes out once the site allows it; if it is urgent, contact support another way.",
  uploadQueued: "The recording is saved and will be attached automatically.",
  attachLabel: "Attach screenshots or files",
  attachHint: "Drop files here or paste a screenshot. Images, PDF, text, zip; up to 10 MB each.",
  attachedFiles: "Attached files",
  removeFile: (name: string) => `Remove ${name}`,
  filesNotAttached: (names: string) =>
    `Could not be attached now: ${names}. Your ticket was created; attach them again in the conversation.`,
  notAttached: (names: string) => `Not attached (type or size, max 10 MB): ${names}`,
};

export type FormStrings = typeof en;

const LOCALES: Record<string, () => Promise<{ default: FormStrings }>> = {
  de: () => import("./locales/de-form.js"),
  fr: () => import("./locales/fr-form.js"),
  es: () => import("./locales/es-form.js"),
  it: () => import("./locales/it-form.js"),
  pt: () => import("./locales/pt-form.js"),
  nl: () => import("./locales/nl-form.js"),
};

/** The language the form speaks, sent with the ticket so support answers in it (here, off the launcher's bytes). */
export let formLocale = "en";

/** For a locale picked by localeFor() (strings.ts), with the site's overrides of plain-text entries. */
export const loadFormStrings = (locale: string, overrides: Record<string, unknown> = {}): Promise<FormStrings> => {
  formLocale = locale;
  return localized(en, LOCALES[locale], overrides);
};
