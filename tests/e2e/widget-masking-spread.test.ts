/**
 * Leaks found on pages never seen before (issue #12, eleventh pass): cards, IBANs and keys in attributes no rule
 * names (<x-row customer-iban>, also set later), attributes written with invisible characters or full-width digits,
 * a card or an address spread over inline elements next to an icon or in custom elements, and one built up over
 * several mutations (its first pieces were recorded before it was whole), also in a shadow root; a URL's secret
 * parameter in the page's text (a reset or invite link shown to copy). Checked with them, and did not leak: a data-*
 * card, <template>, <noscript>, a textarea's default text, SVG <title>/<desc>, a mailto: link, an access token in a
 * link's fragment, a signed URL in srcset, a hidden input, a contenteditable, a closed shadow root.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

const PAGE = `<meta charset="utf-8">
<x-row customer-iban="DE89 3704 0044 0532 0130 00" card-number="5555 5555 5555 4444" api-key="sk_live_51HxAbCdEfGhIjKlMn0pQ">Row</x-row>
<div data-card="4242 4242 4242 4242">Saved card</div>
<abbr title="ja&shy;ne.t@exa&shy;mple-ti.com">Owner</abbr>
<span aria-label="Mail ja\u200cne.a@example-al.com">Mail</span>
<img alt="Card ４０１２ ８８８８ ８８８８ １８８１" src="card.png">
<p>zw ja\u200dne.n@example-zwj.com end</p>
<p><img src="visa.png" alt="">Card <span>5105</span> <span>1051</span> <span>0510</span> <span>5100</span> ok</p>
<p>Card <x-g>4111</x-g> <x-g>1111</x-g> <x-g>1111</x-g> <x-g>1111</x-g></p>
<p><svg width="8" height="8"></svg> mail <b>svgi.name</b>@<i>example-svgi.com</i></p>
<textarea>default.ta@example-ta.com</textarea>
<template><p>tmpl.person@example-tmpl.com</p></template>
<noscript><p>nos.person@example-nos.com</p></noscript>
<svg><title>svgt.person@example-svgt.com</title><desc>4000 0566 5566 5556</desc></svg>
<a href="mailto:mailto.person@example-mt.com">Write</a> <a href="/cb#access_token=fragtok987&state=1">Back</a>
<img srcset="https://cdn.example/a.jpg?X-Amz-Signature=srcsetsig111 1x" src="z.png">
<form><input type="hidden" name="nonce_field" value="hiddenval12345"></form>
<div contenteditable>ce 4000 0025 0000 3155</div>
<x-field id="xf"></x-field><div id="closed"></div><div id="shadow"></div>
<p>Reset link: https://app.example.com/reset?token=Zx81kQ2pL0aa7Hn3 (expires)</p>
<p id="card"></p><p id="mail"></p><p id="done"></p>`;

const SECRETS = [
  "3704 0044",
  "5555 4444",
  "51HxAbCd",
  "4242 4242",
  "mple-ti",
  "ne.a@",
  "le-al",
  "８８８８",
  "ne.n@",
  "le-zwj",
  "5105",
  "0510",
  "4111",
  "svgi.name",
  "example-svgi",
  "default.ta",
  "tmpl.person",
  "nos.person",
  "svgt.person",
  "5566 5556",
  "mailto.person",
  "fragtok987",
  "srcsetsig111",
  "hiddenval12345",
  "0025 0000",
  "3560 0000",
  "closed.person",
  "3530",
  "1113",
  "mut.name",
  "example-mut",
  "3714",
  "496353",
  "Zx81kQ2p",
  "8f7d6a2b",
];

const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];

describe.skipIf(!HAS_BROWSER)("widget privacy: attributes no rule names, data spread over elements", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("none of it reaches the server, also when built up later; the page around it does", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await page.route(/\.png|cdn\.example/, (route) => route.fulfill({ status: 404, body: "" }));
    await hostPage(page, server, "", PAGE);
    await waitForRecorder(page);
    await page.evaluate(async () => {
      const pause = () => new Promise((done) => setTimeout(done, 700)); // past a mutation batch
      const $ = (id: string) => document.getElementById(id) as HTMLElement;
      $("xf").setAttribute("customer-card", "4000 0035 6000 0008");
      $("xf").setAttribute("title", "mu\u00adt.t@example-mt2.com");
      $("closed").attachShadow({ mode: "closed" }).innerHTML = "<p>closed.person@example-closed.com</p>";
      // A card one group per mutation, an address piece by piece: whole only in the last one.
      for (const group of ["3530", "1113", "3330", "0000"]) {
        $("card").append(Object.assign(document.createElement("span"), { textContent: group }), " ");
        await pause();
      }
      // The same in a shadow root: an American Express number, 4-6-5.
      const shadow = $("shadow").attachShadow({ mode: "open" });
      for (const group of ["3714", "496353", "98431"]) {
        shadow.append(Object.assign(document.createElement("span"), { textContent: group }), " ");
        await pause();
      }
      $("mail").append(Object.assign(document.createElement("b"), { textContent: "mut.name" }));
      await pause();
      $("mail").append("@");
      await pause();
      $("mail").append(Object.assign(document.createElement("i"), { textContent: "example-mut.com" }), " ok");
      await pause();
      $("card").insertAdjacentText("afterend", "Invite: https://app.example.com/join?invite_code=8f7d6a2b&team=acme");
      $("done").textContent = "Done";
    });
    await page.getByText("Done").waitFor();
    await openWidget(page);
    const { id, body } = await sendTicket(page, "Spread personal data");
    await page.getByText("Recording attached.").waitFor();
    // Only the strings: a group of four digits may be part of a timestamp.
    const json = strings([await storedRecording(server, id), body]).join("\n");
    for (const secret of [...SECRETS, "t.t@example-mt2"]) expect(json, secret).not.toContain(secret);
    for (const visible of [
      "Row",
      "DE•• ••••",
      "sk_live_•••",
      "Owner",
      "Card ",
      " ok",
      " mail ",
      "zw j",
      " end",
      "Saved card",
      "m••.••••",
      "reset?token=••••",
      "&team=acme",
      "Done",
    ])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
