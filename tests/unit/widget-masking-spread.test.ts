/**
 * Eleventh pass on what a recording lets out (issue #12): cards, IBANs and keys in attributes no rule names (a custom
 * element's customer-iban), attributes written with invisible characters or full-width digits, a card or an address
 * spread over inline elements next to an icon or inside custom elements, and one built up over several mutations
 * (the pieces recorded first are masked where they were recorded).
 */
import { describe, expect, test } from "vitest";
import { el, sanitized, snapshot } from "../helpers/mask-edges.js";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

describe("attributes no rule names", () => {
  test("a custom element's card, IBAN, key or token: masked; what replay loads and SVG geometry as written", () => {
    const attributes = {
      "customer-iban": "DE89 3704 0044 0532 0130 00",
      "card-number": "5555 5555 5555 4444",
      "api-key": "sk_live_51HxAbCdEfGhIjKlMn0pQ",
      "ng-reflect-session": JWT,
      srcset: "https://cdn.example/4242424242424242.jpg 2x",
      d: "M4111 1111 1111 1111 L0 0",
      variant: "primary",
    };
    const change = { type: 3, data: { source: 0, attributes: [{ id: 9, attributes: { ...attributes } }] } };
    for (const json of [sanitized(snapshot(el("x-row", { ...attributes }))), sanitized(change)]) {
      for (const leak of ["3704 0044", "5555 4444", "51HxAbCd", JWT.slice(0, 30)]) expect(json).not.toContain(leak);
      for (const kept of ["DE•• ••••", "•••• •••• •••• ••••", "sk_live_•••", "cdn.example/4242424242424242.jpg 2x"])
        expect(json).toContain(kept);
      expect(json).toContain('"d":"M4111 1111 1111 1111 L0 0"');
      expect(json).toContain('"variant":"primary"');
    }
  });
});
