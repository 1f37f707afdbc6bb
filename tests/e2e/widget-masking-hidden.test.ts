/**
 * Leaks found on pages never seen before (issue #12, tenth pass): an address in a custom element's attribute
 * (user-email, Angular's ng-reflect-*, aria-placeholder), in CSS rules added through the CSSOM (CSS-in-JS) or adopted
 * by a document, a signed URL in such a rule, and addresses and cards written with soft hyphens, zero-width spaces or
 * full-width digits. Checked with them: SVG text, option labels, shadow DOM, a same-origin iframe filled after load,
 * a route with an address in its path, console errors and the page title, which did not leak.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

const PAGE = `<meta charset="utf-8"><style id="st">.a{color:red}</style>
<svg width="300" height="40"><text x="0" y="20">svg.person@example-svg.com</text></svg>
<select><option>opt.person@example-opt.com</option><option value="4111111111111111">Visa</option></select>
<my-card user-email="custom.attr@example-attr.com" ng-reflect-email="ng.reflect@example-ng.com"></my-card>
<p>soft jane&shy;doe@exam&shy;ple-shy.com end</p>
<p>zero ja\u200bne.zw@exa\u200bmple-zw.com end</p>
<p>Card ４１１１ １１１１ １１１１ １１１１ fw</p>
<div id="host"></div><div class="x1">x</div><p id="done"></p>`;

describe.skipIf(!HAS_BROWSER)("widget privacy: what hides in attributes, the CSSOM and invisible characters", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("none of it reaches the server; the page around it does", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", PAGE);
    await waitForRecorder(page);
    await page.evaluate(async () => {
      const pause = () => new Promise((done) => setTimeout(done, 700)); // past a mutation batch
      const sheet = (document.getElementById("st") as HTMLStyleElement).sheet as CSSStyleSheet;
      sheet.insertRule('.b::after{content:"cssom.person@example-cssom.com"}', 0);
      sheet.insertRule(".c{background:url(https://cdn.example.com/a.png?X-Amz-Signature=deadbeefcafe12345&v=1)}", 0);
      const adopted = new CSSStyleSheet();
      adopted.replaceSync('.d::before{content:"adopted.person@example-adopted.com"}');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
      document.querySelector("my-card")?.setAttribute("user-email", "custom.mut@example-mut.com");
      document.querySelector(".x1")?.setAttribute("aria-placeholder", "aria.ph@example-aria.com");
      const root = (document.getElementById("host") as HTMLElement).attachShadow({ mode: "open" });
      root.innerHTML = "<p>shadow.person@example-shadow.com</p>";
      const frame = document.createElement("iframe");
      document.body.append(frame);
      await pause();
      (frame.contentDocument as Document).body.innerHTML = "<p>iframe.person@example-iframe.com</p>";
      (document.getElementById("done") as HTMLElement).insertAdjacentHTML(
        "beforebegin",
        "<p>later ja&shy;ne@exam&shy;ple-late.com</p>",
      );
      history.pushState({}, "", "/demo/host-page/users/route.person@example-route.com");
      console.error("failed for console.person@example-console.com");
      document.title = "Inbox title.person@example-title.com";
      await pause();
      (document.getElementById("done") as HTMLElement).textContent = "Done";
    });
    await page.getByText("Done").waitFor();
    await openWidget(page);
    const { id, body } = await sendTicket(page, "Hidden personal data");
    await page.getByText("Recording attached.").waitFor();
    const json = JSON.stringify(await storedRecording(server, id)) + JSON.stringify(body);
    for (const secret of [
      "custom.attr",
      "ng.reflect",
      "custom.mut",
      "aria.ph",
      "cssom.person",
      "deadbeef",
      "adopted.person",
      "ple-shy",
      "jane",
      "mple-zw",
      "１１１１",
      "ple-late",
      "svg.person",
      "opt.person",
      "4111111111111111",
      "shadow.person",
      "iframe.person",
      "route.person",
      "console.person",
      "title.person",
    ])
      expect(json, secret).not.toContain(secret);
    for (const visible of ["soft ", " end", "Card ", " fw", ".b::after{content:", "cdn.example.com/a.png", "Done"])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 90_000);
});
