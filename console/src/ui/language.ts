/** "German (de)" for a language tag, or the tag alone when the browser has no name for it. */
export function languageLabel(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
  } catch {
    /* not a language tag Intl knows: the code alone */
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** "German": the name alone, for a sentence. */
export const languageName = (code: string) => languageLabel(code).replace(/ \([^)]*\)$/, "");
