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
