/**
 * Pattern masking (widget/capture/patterns.ts) as a sceptical privacy reviewer tries it: realistic strings that must
 * not leave the browser, look-alikes that must stay readable, a decision on UUIDs, and text in any script.
 */
import { describe, expect, test } from "vitest";
import { DOT, maskPatterns } from "../../widget/capture/patterns.js";
import { JWT, READABLE, SECRETS } from "../helpers/mask-cases.js";

describe("must be masked: the secret goes, the text around it stays", () => {
  test.each(SECRETS)("%s", (_, marked, keep) => {
    const [before, secret, after] = marked.split(/[⟦⟧]/);
    const text = before + secret + after;
    const out = maskPatterns(text);
    expect(out.length).toBe(text.length);
    expect(out.slice(0, before.length)).toBe(before);
    expect(out.slice(before.length + secret.length)).toBe(after);
    const masked = out.slice(before.length, before.length + secret.length);
    expect(masked.slice(0, keep)).toBe(secret.slice(0, keep));
    expect(masked.slice(keep), masked).not.toMatch(/[\p{L}\p{N}]/u);
  });
});

describe("email addresses: only the first letter of each part and the top-level domain stay", () => {
  test.each([
    ["jane.doe+billing@example.com", "j•••.•••••••••••@e••••••.com"],
    ["JANE.DOE@EXAMPLE.COM", "J•••.•••@E••••••.COM"],
    ["Ops@mail.eu.example.co.uk", "O••@m•••.e•.e••••••.c•.uk"],
    ["hi@studio.photography", "h•@s•••••.photography"],
    ["user_name-1@sub-domain.example.org", "u••••••••-•@s••-••••••.e••••••.org"],
    ["a@b.io", "•@•.io"],
    ["o'brien@example.ie", "o••••••@e••••••.ie"],
    ["wang@163.com", "w•••@1••.com"],
    ['Contact "jane@example.com" now', 'Contact "j•••@e••••••.com" now'],
    ["<jane@example.com>", "<j•••@e••••••.com>"],
    ["(jane@example.com)", "(j•••@e••••••.com)"],
    ["jane@example.com, joe@example.com", "j•••@e••••••.com, j••@e••••••.com"],
    ["mailto:jane@example.com?subject=Hi", "mailto:j•••@e••••••.com?subject=Hi"],
    ["/invite?email=jane@example.com&x=1", "/invite?email=j•••@e••••••.com&x=1"],
    ["/invite?email=jane%40example.com&x=1", "/invite?email=j•••%40e••••••.com&x=1"],
    ["/users/jane%2Bbilling%40example.com/edit", "/users/j•••••••••••••%40e••••••.com/edit"],
    ["Sent to jürgen@münchen.de", "Sent to j•••••@m••••••.de"],
    ["📧 jane@example.com 🎉", "📧 j•••@e••••••.com 🎉"],
    // The full-width @ of Chinese and Japanese pages; a zero-width space or word joiner that keeps it from being a link.
    ["お問い合わせ：info＠example.co.jp まで", "お問い合わせ：i•••＠e••••••.c•.jp まで"],
    ["jane.doe@\u200bexample.com", "j•••.•••@\u200be••••••.com"],
    ["jane\u2060@\u2060example.com", "j•••\u2060@\u2060e••••••.com"],
  ])("%s", (text, masked) => expect(maskPatterns(text)).toBe(masked));
});

describe("look-alikes stay readable", () => {
  test.each(READABLE)("%s", (text) => expect(maskPatterns(text)).toBe(text));
});

describe("UUIDs and hashes: a decision", () => {
  // A dashed UUID is an id (orders, tickets, users): support needs it, and Sentry's default scrubbing leaves UUIDs
  // alone too. 32+ hex characters in one run (also a UUID written without dashes) are the shape of API secrets
  // (Twilio, Mailgun, Shopify tokens, session ids): masked, even when it is only a commit hash or an ETag.
  test("dashed UUIDs stay, 32+ hex in a row is masked", () => {
    expect(maskPatterns("ticket 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")).toBe(
      "ticket 9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
    );
    expect(maskPatterns("ticket 9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d")).toBe(`ticket ${DOT.repeat(32)}`);
    expect(maskPatterns('ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"')).toBe(`ETag: "${DOT.repeat(40)}"`);
  });
});

describe("text in any script: nothing cut in half", () => {
  const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  test.each([
    ["👩‍💻 jane@example.com 🇩🇪", "👩‍💻 j•••@e••••••.com 🇩🇪"],
    ["💳4111 1111 1111 1111💳", "💳•••• •••• •••• ••••💳"],
    ["𝒜lice@example.com", "𝒜••••@e••••••.com"],
    ["📧 𝒶𝒷𝒸@𝒹𝑜𝓂𝒶𝒾𝓃.com", "📧 𝒶••@𝒹•••••.com"],
    ["مرحبا jane@example.com شكرا", "مرحبا j•••@e••••••.com شكرا"],
    ["IBAN 🏦 DE89 3704 0044 0532 0130 00 ✅", "IBAN 🏦 DE•• •••• •••• •••• •••• •• ✅"],
    [`${JWT}🔑`, `eyJ${DOT.repeat(JWT.length - 3)}🔑`],
    ["\uD83D jane@example.com", "\uD83D j•••@e••••••.com"], // a lone surrogate on the page stays as it was
  ])("%s", (text, masked) => {
    const out = maskPatterns(text);
    expect(out).toBe(masked);
    expect(wellFormed(out)).toBe(wellFormed(text));
  });
});

describe("obfuscated email addresses: a decision", () => {
  // Written around spam filters: (at), [at], {at}, <at> (any case, spaces or not) always stand for @, and the dots may
  // be real or spelled ((dot), [dot], " dot "). A bare " at " is ordinary English ("meet at example.com", "find us at
  // example dot com"): it counts before a domain (spelled dots, or real ones with a top-level domain of letters), but
  // not after a word prose puts before "at", and not in code: a stack frame (a line starting with "at"), a name
  // followed by "(" or a line number ("Error at app.js:12"), a file name (index.html, app.js) for a domain. German and
  // French the same way: (ät)/[ät] and a bare "ät" or "arobase" stand for @, (punkt)/(point) and bare " punkt "/" point "
  // for dots; a bare "chez" only before spelled dots ("chez amazon.fr" is a shop); written in words only, the top-level
  // domain has 2-4 letters ("chez moi point barre" is prose), and English "at" never takes " point ". Spanish and
  // Italian as French: a bare "arroba" or "chiocciola" stands for @ like "arobase", (punto) and bare " punto " for dots;
  // English "at" never takes " punto " either, and a one-letter word before " punto " is a conjunction ("arroba y
  // punto de …", "chiocciola e punto in …"), not a domain.
  test.each([
    ["jane(at)example.com", "j•••(at)e••••••.com"],
    ["Mail: jane (at) example (dot) com", "Mail: j••• (at) e•••••• (dot) com"],
    ["jane [at] example [dot] com", "j••• [at] e•••••• [dot] com"],
    ["jane.doe{AT}mail.example.org", "j•••.•••{AT}m•••.e••••••.org"],
    ["jane <at> example <dot> co <dot> uk", "j••• <at> e•••••• <dot> c• <dot> uk"],
    ["jane at example dot com", "j••• at e•••••• dot com"],
    ["Write to jane.doe AT example DOT com.", "Write to j•••.••• AT e•••••• DOT com."],
    ["support at mail dot example dot org", "s•••••• at m••• dot e•••••• dot org"],
    ["jane at example.com", "j••• at e••••••.com"],
    ["Write to jane.doe at mail.example.org.", "Write to j•••.••• at m•••.e••••••.org."],
    ["JANE AT EXAMPLE.CO.UK, thanks", "J••• AT E••••••.C•.UK, thanks"],
    ["Contact: ops-team at acme.io (24/7)", "Contact: o••-•••• at a•••.io (24/7)"],
    ["jane at example [dot] com", "j••• at e•••••• [dot] com"],
    ["jane @ example.com", "j••• @ e••••••.com"], // a bare @ with spaces: as a bare "at"
    ["jane @ example dot com", "j••• @ e•••••• dot com"],
    // Spaced dots ("rita.costa @ crm-mail . pt"): a dot with spaces around it is a spelled one; a full stop is not.
    ["rita.costa @ crm-mail . pt", "r•••.••••• @ c••-•••• . pt"],
    ["jane @ example . co . uk", "j••• @ e•••••• . c• . uk"],
    ["Write to jane at example . com.", "Write to j••• at e•••••• . com."],
    // German and French: (ät), [punkt], "arobase", "chez", "point".
    ["jane (ät) example (punkt) de", "j••• (ät) e•••••• (punkt) de"],
    ["Schreiben Sie an jane.doe [ÄT] firma [PUNKT] de", "Schreiben Sie an j•••.••• [ÄT] f•••• [PUNKT] de"],
    ["jane ät example.de", "j••• ät e••••••.de"],
    ["Kontakt: jane ät example punkt de", "Kontakt: j••• ät e•••••• punkt de"],
    ["jane(at)example.de", "j•••(at)e••••••.de"],
    ["jane arobase example point fr", "j••• arobase e•••••• point fr"],
    ["À jane.doe arobase mail point example point fr", "À j•••.••• arobase m••• point e•••••• point fr"],
    ["contact (arobase) example (point) fr", "c•••••• (arobase) e•••••• (point) fr"],
    ["jane chez example point com", "j••• chez e•••••• point com"],
    // Spanish and Italian: "arroba", "chiocciola", "punto".
    ["juan arroba ejemplo punto com", "j••• arroba e•••••• punto com"],
    ["juan (arroba) ejemplo (punto) es", "j••• (arroba) e•••••• (punto) es"],
    [
      "Escríbeme: juan.perez arroba correo punto ejemplo punto es",
      "Escríbeme: j•••.••••• arroba c••••• punto e•••••• punto es",
    ],
    ["juan arroba ejemplo.com", "j••• arroba e••••••.com"],
    ["mario chiocciola esempio punto it", "m•••• chiocciola e•••••• punto it"],
    ["mario (at) esempio (punto) it", "m•••• (at) e•••••• (punto) it"],
    ["Scrivete a mario [CHIOCCIOLA] esempio [PUNTO] it", "Scrivete a m•••• [CHIOCCIOLA] e•••••• [PUNTO] it"],
    ["A las diez en punto, juan arroba ejemplo punto es", "A las diez en punto, j••• arroba e•••••• punto es"],
  ])("masked: %s", (text, masked) => expect(maskPatterns(text)).toBe(masked));

  test.each([
    "Lisa at Acme. Then we left.",
    "meet at example dot com",
    "Find us at example dot com",
    "Read more at example dot com",
    "Sign up at example.com today",
    "meet at example.com",
    "find us at acme.io",
    "Look at index.html",
    "We are based at acme.co.uk now",
    "Error at app.js:12",
    "Follow us @ twitter.com",
    "Lunch @ 12.30, logo @ 2x.png",
    "Failed at main.ts line 4",
    "at Object.<anonymous> (main.js:1:2)",
    "TypeError: boom\n    at Object.run (main.js:1:2)",
    "crashed at Worker.handle (worker.mjs:3:9)",
    "Meet at 10.30 at the lobby",
    "Look at this dot com bubble",
    "Available at home dot depot", // not a top-level domain? still: "at" after a prose word
    "The meeting is at 10 (at the latest) in room dot 3",
    "cat (at) night",
    "On dîne chez nous ce soir",
    "C'est le point de départ",
    "Commandé chez amazon.fr hier", // "chez" before real dots is where one shops
    "Je reste chez moi point barre", // in words only, a top-level domain is short
    "Students at Stanford point out the risk", // " point " is French: not with English "at"
    "Treffpunkt um 10 Uhr, Punkt.",
    "Nos vemos a las diez en punto",
    "El punto de partida es la plaza",
    "Está a punto de salir",
    "Il punto è che non lo so",
    "Escribe tu correo con arroba y punto de separación", // "y": a conjunction, not a domain
    "Usa i simboli chiocciola e punto in un indirizzo",
    "La chiocciola è lenta, punto e basta",
    "We had lunch at the Punto Bar", // " punto " is Spanish and Italian: not with English "at"
    "Dinner at Fiat Punto dot com", // "at" after a prose word
  ])("readable: %s", (text) => expect(maskPatterns(text)).toBe(text));
});

describe("spelled-out addresses in mixed languages, with long top-level domains, before prose: a decision", () => {
  // English "at" with the French, Italian or Spanish word for the dot counts before a country code or com/net/org;
  // with " point " not before a country code English also writes after "point" (to, in, it, up...) when a lower-case
  // word goes on after it: "People at Google point it out" stays, "mario at esempio point it" (its end, or a comma,
  // or "o" and another address) is masked. In words only, a top-level domain of 5+ letters counts too (acme dot
  // online, jane chez example point online), but not French prose after "point" ("chez moi point barre"). The address
  // ends before a spelled dot and a small word ("punto por punto", "point par point", "Punkt für Punkt", "punto y
  // aparte") and at the last label that can end it ("… dot com dot 2"). Prose after "at" (at the …, at noon) starts
  // no domain. Known cost: "Kids at polka dot parties" is masked (a word before " dot " and a long last word).
  test.each([
    ["mario at esempio punto it", "m•••• at e•••••• punto it"],
    ["Scrivi a mario at esempio punto it per info", "Scrivi a m•••• at e•••••• punto it per info"],
    ["jane at example point fr", "j••• at e•••••• point fr"],
    ["jane at example point com", "j••• at e•••••• point com"],
    ["juan at ejemplo punto com punto mx", "j••• at e•••••• punto c•• punto mx"],
    ["mario ät esempio punto it", "m•••• ät e•••••• punto it"],
    ["jean arobase exemple punto fr", "j••• arobase e•••••• punto fr"],
    ["mario chiocciola esempio dot com", "m•••• chiocciola e•••••• dot com"],
    ["juan arroba ejemplo punkt de", "j••• arroba e•••••• punkt de"],
    ["juan arroba ejemplo punto es punto por punto", "j••• arroba e•••••• punto es punto por punto"],
    [
      "jean arobase exemple point fr point par point et voilà",
      "j••• arobase e•••••• point fr point par point et voilà",
    ],
    ["max ät firma punkt de Punkt für Punkt", "m•• ät f•••• punkt de Punkt für Punkt"],
    ["mario at esempio punto it, punto per punto", "m•••• at e•••••• punto it, punto per punto"],
    ["juan arroba ejemplo punto com punto y aparte", "j••• arroba e•••••• punto com punto y aparte"],
    ["Email jane at example dot com dot 2 more", "Email j••• at e•••••• dot com dot 2 more"],
    ["jane at acme dot online", "j••• at a••• dot online"],
    ["max at firma punkt digital", "m•• at f•••• punkt digital"],
    ["support at shop dot store", "s•••••• at s••• dot store"],
    ["jane arobase exemple point online", "j••• arobase e•••••• point online"],
    ["Write to hello at studio dot photography today", "Write to h•••• at s••••• dot photography today"],
    ["mario at esempio point it", "m•••• at e•••••• point it"],
    ["Scrivi a mario at esempio point it, grazie", "Scrivi a m•••• at e•••••• point it, grazie"],
    ["mario at esempio point it o luca at posta point it", "m•••• at e•••••• point it o l••• at p•••• point it"],
    ["Jane chez example point online", "J••• chez e•••••• point online"],
  ])("masked: %s", (text, masked) => expect(maskPatterns(text)).toBe(masked));

  test.each([
    "Researchers at Stanford point to the risk",
    "People at Google point it out",
    "Ask people at Google point it out to you",
    "Chez moi point barre",
    "On se voit chez Paul point final",
    "meet at the office, point taken",
    "look at page 2, point 3",
    "Lunch at Fiat Punto Bar",
    "We met at the dot com party",
    "we met at noon dot com bubble",
    "Click at the dot above",
    "Shares fell at the dot com crash",
  ])("readable: %s", (text) => expect(maskPatterns(text)).toBe(text));
});
