/**
 * Every string the customer sees in the launcher and the new-ticket form: English here, other languages in locales/.
 * The conversation view's strings are in strings-conversation.ts (a chunk of their own).
 */
const en = {
  launcher: "Help and support",
  launcherText: "Help",
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
  created: (reference: string) => `Ticket ${reference} created`,
  createdBody: "Thanks! Our support team has your message. Their reply will show up here.",
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
  queuedBody:
    "We couldn't reach support right now. Your message is saved on this device and will be sent automatically — next time you open this page or when you're back online.",
  uploadQueued: "The recording is saved and will be attached automatically.",
};

export type Strings = typeof en;

/**
 * Other languages live in locales/ and are fetched only by pages that use them, so nobody downloads every
 * translation. Add one by copying locales/de.ts and listing it here.
 */
const LOCALES: Record<string, () => Promise<{ default: Strings }>> = {
  de: () => import("./locales/de.js"),
  fr: () => import("./locales/fr.js"),
};

/** Exact match, then language ("de-AT" -> "de"), then the browser's languages, then English. */
export function localeFor(locale: string | undefined, browser: readonly string[] = []): string {
  for (const candidate of [locale, ...browser]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower === "en" || lower.startsWith("en-")) return "en";
    if (LOCALES[lower]) return lower;
    if (LOCALES[lower.split("-")[0]]) return lower.split("-")[0];
  }
  return "en";
}

/**
 * The customer-facing texts for a locale, with the site's overrides (data-texts / init({ texts })) applied.
 * Only plain-text entries can be overridden; templated ones (counts, references) keep their wording.
 */
export const loadStrings = (locale: string, overrides: Record<string, unknown> = {}): Promise<Strings> =>
  localized(en, LOCALES[locale], overrides);

/** English, or the translation `load` fetches, with the overrides applied (shared with strings-conversation.ts). */
export async function localized<T extends object>(
  english: T,
  load: (() => Promise<{ default: T }>) | undefined,
  overrides: Record<string, unknown>,
): Promise<T> {
  let base = english;
  try {
    if (load) base = (await load()).default;
  } catch {
    /* the translation chunk failed to load: English beats no widget */
  }
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof out[key] === "string" && typeof value === "string" && value.trim()) out[key] = value.slice(0, 500);
  }
  return out as T;
}
