/**
 * Leaks and false alarms found on new third-party pages (an admin table of users, an invoice, a settings page of API
 * keys, a chat answer streamed in; tests/e2e/widget-masking-pages.test.ts runs them in Chromium): each must be masked
 * (or stay readable) where the widget applies the patterns.
 */
import { describe, expect, test } from "vitest";
import { maskPatterns } from "../../widget/capture/patterns.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";

const j = (...parts: string[]) => parts.join("");

describe("found on new pages: masked", () => {
  test.each([
    // A mailto link to an address with an IDN domain, percent-encoded as the browser writes the href.
    ["mailto:hans.mueller@b%C3%BCcher-haus.de?subject=Hi", "mailto:h•••.•••••••@b••••••••••-••••.de?subject=Hi"],
    ['"john smith"@quoted-mail.com wrote', '"•••• ••••••@q•••••-••••.com wrote'],
    // Single-case keys with digits: Mailgun's, a base32 one-time-password secret shown for an authenticator app.
    [j("key-", "3ax6xnjp29jd6fds4gc373sgvjxteol0"), "•••-••••••••••••••••••••••••••••••••"],
    [j("Secret: ", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), "Secret: ••••••••••••••••••••••••••••••••"],
    // An answer streamed in: the address's top-level domain has not arrived yet.
    ["Reach stream.person@stream-m", "Reach s•••••.••••••@s•••••-•"],
    ["Reach stream.person@", "Reach s•••••.••••••@"],
    // A card printed one group per element, the source's line breaks between them: the page shows single spaces.
    ["Card 4000 0566\n  5566 5556.", "Card •••• ••••\n  •••• ••••."],
    // The full-width at and dots of Japanese pages.
    ["info＠example．co．jp まで", "i•••＠e••••••．c•．jp まで"],
    // An unsecured token ("alg":"none", no signature): its payload names the person.
    [j("eyJhbGciOiJub25lIn0", ".eyJlbWFpbCI6ImphbmVAYWNtZS5jb20ifQ", "."), j("eyJ", "•".repeat(52))],
    // A Polish account number as Poles print it: the IBAN without "PL".
    ["Nr rachunku: 61 1090 1014 0000 0712 1981 2874", "Nr rachunku: •• •••• •••• •••• •••• •••• ••••"],
  ])("%s", (text, masked) => expect(maskPatterns(text)).toBe(masked));
});

describe("found on new pages: readable", () => {
  test.each([
    // A parcel's tracking number in groups of four (22 digits): no card inside it, whatever Luhn says.
    "USPS 9400 1118 9922 3397 8894 67",
    // An RF creditor reference (ISO 11649) is checked like an IBAN but names no account.
    "Ref RF18 5390 0754 7034",
    "npm i react@latest",
    "ssh root@localhost",
    // An Amazon order number (3-7-7 digits) that passes Luhn: printed cards group by 4 to 6 digits.
    "Amazon order 114-3941689-8772237",
    // A French company's SIRET (14 digits, Luhn-valid by design) printed 3-3-3-5.
    "SIRET 732 829 320 00074",
    "Not a key: pneumonoultramicroscopicsilicovolcanoconiosis",
    // A failed request's path with short ids: no 32-character key in any of its segments.
    "https://api.example/v1/customers/cus_9f8e7d6c5b/cards/card_1Mz8Xq?expand=customer",
  ])("%s", (text) => expect(maskPatterns(text)).toBe(text));

  test("a card next to other numbers is still one", () => {
    expect(maskPatterns("Order 12345 4111 1111 1111 1111 charged")).toBe("Order 12345 •••• •••• •••• •••• charged");
    expect(maskPatterns("4242 4242 4242 4242 12/27")).toBe("•••• •••• •••• •••• 12/27");
  });
});

describe("a stylesheet's text", () => {
  const patterns = (text: string) => maskPatterns(text);
  const css =
    '.who::after { content: "css.only@style-mail.com"; } .f { src: url(data:font/woff2;base64,d09GMgABAAAAA) }';

  test("loses addresses, in the snapshot and in later changes; the rest keeps its bytes", () => {
    const style = { type: 2, tagName: "style", attributes: { _cssText: css }, childNodes: [] };
    const text = { type: 3, textContent: css, isStyle: true };
    sanitizeEvent(
      {
        type: 2,
        data: {
          node: { type: 0, childNodes: [style, { type: 2, tagName: "style", attributes: {}, childNodes: [text] }] },
        },
      },
      () => false,
      undefined,
      undefined,
      { patterns },
    );
    const change = { id: 7, value: css };
    sanitizeEvent(
      { type: 3, data: { source: 0, texts: [change] } },
      () => false,
      undefined,
      () => true,
      { patterns },
    );
    const kept = css.replace("css.only@style-mail.com", "c••.••••@s••••-••••.com");
    expect([style.attributes._cssText, text.textContent, change.value]).toEqual([kept, kept, kept]);
  });

  test("untouched when the site turned the patterns off", () => {
    const change = { id: 7, value: css };
    sanitizeEvent(
      { type: 3, data: { source: 0, texts: [change] } },
      () => false,
      undefined,
      () => true,
      {},
    );
    expect(change.value).toBe(css);
  });
});

describe("secret parameters in URLs of every attribute that holds one", () => {
  const SIG = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
  const attributes = {
    srcset: `https://s3.example/p.png?X-Amz-Credential=cred-${SIG.slice(0, 12)}&X-Amz-Signature=${SIG} 2x, /p.png 1x`,
    style: "background-image: url('https://cdn.example/bg.png?access_token=bgtoken987654321&w=2')",
    rr_src: "https://embed.example/?token=iframetoken123456&lang=de",
    action: "/login?session=formsession123456&next=%2Fhome",
    href: "files/f.pdf?sig=hrefsig123456#page=2",
  };

  test("are redacted, in the snapshot and in later changes; the rest of the URL stays", () => {
    const patterns = (text: string) => maskPatterns(text);
    const node = { type: 2, tagName: "form", attributes: { ...attributes }, childNodes: [] };
    sanitizeEvent({ type: 2, data: { node } }, () => false, patterns, undefined, { patterns });
    const change = { id: 3, attributes: { ...attributes } };
    sanitizeEvent({ type: 3, data: { source: 0, attributes: [change] } }, () => false, patterns, undefined, {
      patterns,
    });
    for (const out of [node.attributes, change.attributes]) {
      const json = JSON.stringify(out);
      for (const secret of [SIG, "cred-", "bgtoken", "iframetoken", "formsession", "hrefsig"])
        expect(json, secret).not.toContain(secret);
      expect(out).toEqual({
        srcset: "https://s3.example/p.png?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted] 2x, /p.png 1x",
        style: "background-image: url('https://cdn.example/bg.png?access_token=[redacted]&w=2')",
        rr_src: "https://embed.example/?token=[redacted]&lang=de",
        action: "/login?session=[redacted]&next=%2Fhome",
        href: "/files/f.pdf?sig=[redacted]#page=2",
      });
    }
  });
});
