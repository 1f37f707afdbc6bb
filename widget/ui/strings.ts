import type { FormStrings } from "./strings-form.js";

/**
 * The launcher's words: all that is on the critical path. The form's are in strings-form.ts (loaded with the form),
 * the conversation view's in strings-conversation.ts; other languages in locales/.
 */
const en = {
  launcher: "Help and support",
  launcherText: "Help",
};

export type LauncherStrings = typeof en;
/** Everything the dialog shows: the launcher's words and the form's. */
export type Strings = LauncherStrings & FormStrings;

/**
 * The launcher's words in every language: a few bytes each, so a page in another language shows the launcher without
 * a fetch. The rest of a translation lives in locales/ (<lang>-form.ts, <lang>-conversation.ts), fetched only by
 * pages in that language when they need it. Add a language here and copy locales/de-*.ts.
 */
const LAUNCHER: Record<string, LauncherStrings> = {
  de: { launcher: "Hilfe und Support", launcherText: "Hilfe" },
  fr: { launcher: "Aide et support", launcherText: "Aide" },
  es: { launcher: "Ayuda y soporte", launcherText: "Ayuda" },
  it: { launcher: "Aiuto e assistenza", launcherText: "Aiuto" },
  pt: { launcher: "Ajuda e suporte", launcherText: "Ajuda" },
  nl: { launcher: "Hulp en support", launcherText: "Hulp" },
};

/** Exact match, then language ("de-AT" -> "de"), then the browser's languages, then English. */
export function localeFor(locale: string | undefined, browser: readonly string[] = []): string {
  for (const candidate of [locale, ...browser]) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (lower === "en" || lower.startsWith("en-")) return "en";
    if (LAUNCHER[lower]) return lower;
    if (LAUNCHER[lower.split("-")[0]]) return lower.split("-")[0];
  }
  return "en";
}

/**
 * The customer-facing texts for a locale, with the site's overrides (data-texts / init({ texts })) applied.
 * Only plain-text entries can be overridden; templated ones (counts, references) keep their wording.
 */
export const loadStrings = (locale: string, overrides: Record<string, unknown> = {}): Promise<LauncherStrings> =>
  localized(LAUNCHER[locale] ?? en, undefined, overrides);

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
