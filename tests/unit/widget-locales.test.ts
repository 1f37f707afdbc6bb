import { describe, expect, test } from "vitest";
import { loadConversationStrings } from "../../widget/ui/strings-conversation.js";
import { loadFormStrings } from "../../widget/ui/strings-form.js";
import { loadStrings, localeFor } from "../../widget/ui/strings.js";

/** Spanish, Italian, Portuguese and Dutch, as a visitor of a page in that language reads them. */
describe("widget translations", () => {
  test("a page or browser in es, it, pt or nl (any region) gets its own words, counts and numbers", async () => {
    const cases = [
      [
        "es-MX",
        "es",
        "Ayuda",
        "Enviar",
        "Demasiado largo: 10.203 caracteres, como máximo 10.000.",
        "2 respuestas sin leer",
      ],
      ["it-CH", "it", "Aiuto", "Invia", "Troppo lungo: 10.203 caratteri, al massimo 10.000.", "2 risposte non lette"],
      ["pt-BR", "pt", "Ajuda", "Enviar", "Longo demais: 10.203 caracteres, no máximo 10.000.", "2 respostas não lidas"],
      ["nl-BE", "nl", "Hulp", "Versturen", "Te lang: 10.203 tekens, maximaal 10.000.", "2 ongelezen antwoorden"],
    ] as const;
    for (const [tag, locale, launcherText, send, tooLong, unread] of cases) {
      expect(localeFor(tag)).toBe(locale);
      expect(localeFor(undefined, [tag])).toBe(locale);
      expect((await loadStrings(locale)).launcherText).toBe(launcherText);
      const form = await loadFormStrings(locale);
      expect(form.send).toBe(send);
      expect(form.fieldTooLong(10_203, 10_000)).toMatch(new RegExp(`^${tooLong.replace(/\./g, "\\.")}`));
      expect(form.previewClicks(1)).toMatch(/^1 \S/);
      const conversation = await loadConversationStrings(locale);
      expect(conversation.unread(2)).toBe(unread);
      expect(conversation.unread(1)).toMatch(/^1 /);
    }
  });

  test("what is hidden is counted in the language, with the right plural", async () => {
    expect((await loadFormStrings("es")).previewMasked(1, 2)).toBe("1 campo oculto y 2 textos ocultos");
    expect((await loadFormStrings("it")).previewMasked(2, 0)).toBe("2 campi nascosti");
    expect((await loadFormStrings("pt")).previewMasked(0, 1)).toBe("1 texto oculto");
    expect((await loadFormStrings("nl")).previewMasked(2, 1)).toBe("2 velden en 1 tekstdeel verborgen");
  });
});
