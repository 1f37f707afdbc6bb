/**
 * Twelfth pass (issue #12): the value of a checkbox, a radio or a button is the page's, not the customer's typing, and
 * rrweb records it as the page wrote it (its input masking skips these types): a list of addresses to invite, saved
 * cards to pay with, "Invite jane@…" on a submit button. Masked by pattern like page text; typed values stay the input
 * rules' (masked whole by default).
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker } from "../../widget/capture/patterns.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";

const mask = makeTextMasker({ all: false, patterns: true });
const input = (attributes: Record<string, string>) => ({ type: 2, tagName: "input", attributes });

describe("values the page gives a checkbox, a radio or a button", () => {
  test("masked by pattern; the readable part and typed values left to the input rules", () => {
    const node = {
      type: 2,
      tagName: "form",
      childNodes: [
        input({ type: "checkbox", name: "to[]", value: "invite.one@values-mail.com" }),
        input({ type: "radio", name: "pm", value: "4000 0566 5566 5556" }),
        input({ type: "RADIO", name: "pm", value: "5105105105105100" }),
        input({ type: "submit", value: "Invite submit.one@values-mail.com" }),
        input({ type: "button", value: "Pay with 4111 1111 1111 1111" }),
        input({ type: "image", value: "DE89 3704 0044 0532 0130 00", alt: "Pay" }),
        input({ type: "checkbox", name: "plan", value: "pro-monthly" }),
        input({ type: "text", name: "q", value: "typed.value@values-mail.com" }),
      ],
    };
    const event = { type: 2, data: { node } };
    sanitizeEvent(event, () => false, mask, undefined, { patterns: mask });
    const json = JSON.stringify(event);
    for (const leak of ["invite.one", "submit.one", "0566", "5566 5556", "5105105105105100", "4111 1111", "3704 0044"])
      expect(json).not.toContain(leak);
    for (const kept of ['"Invite s', '"Pay with ', '"value":"pro-monthly"', '"value":"typed.value@values-mail.com"'])
      expect(json).toContain(kept);
  });
});

describe("parameter values of URLs replay loads", () => {
  // An EPC (SEPA transfer) QR code, as invoices and banking pages draw it through a QR image service.
  const EPC = encodeURIComponent(
    "BCD\n002\n1\nSCT\nCOBADEFFXXX\nACME GmbH\nDE89370400440532013000\nEUR12.50\n\n\nInv 42",
  );
  const HASH = "e4df2db10d34791a6a695ff774667e82";
  test("an IBAN in a QR code's image, a card and a key in a pixel: masked; a cache-busting hash kept", () => {
    const img = (src: string) => ({ type: 2, tagName: "img", attributes: { src } });
    const node = {
      type: 2,
      tagName: "div",
      attributes: { style: `background: url("https://t.example/b.gif?cc=4000000000000077&v=${HASH}")` },
      childNodes: [
        img(`https://qr.example/v1/create-qr-code/?size=150x150&data=${EPC}`),
        img("/pixel.gif?cc=4000000000000077&k=rk_live_51H8QwErTyUiOp12AsDfGhJk&ev=purchase"),
        img(`https://cdn.example/logo.png?v=${HASH}&w=64`),
      ],
    };
    const event = { type: 2, data: { node } };
    sanitizeEvent(event, () => false, mask, undefined, { patterns: mask });
    const json = JSON.stringify(event);
    for (const leak of ["370400440532013000", "4000000000000077", "51H8QwErTy"]) expect(json).not.toContain(leak);
    for (const kept of [
      "https://qr.example/v1/create-qr-code/?size=150x150&data=BCD%0A002%0A1%0ASCT%0ACOBADEFFXXX%0AACME%20GmbH%0ADE",
      "&ev=purchase",
      `https://cdn.example/logo.png?v=${HASH}&w=64`,
      `&v=${HASH}`,
    ])
      expect(json).toContain(kept);
  });
});
