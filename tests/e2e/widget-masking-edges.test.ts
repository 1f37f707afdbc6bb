/**
 * An address split over blocks or a line break that the page writes after load (issue #12): a contact card filled in
 * by script, a CRM note edited in place. It was masked only at the next full snapshot; the mutations let it out. The
 * text around it and a handle after prose ("Follow us" / "@handoff.io") still reach the server as written.
 */
import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

const PAGE = `<meta charset="utf-8">
  <section id="card"><h2>Contact</h2></section>
  <p id="note">Reply to <span id="who">maria.lopez</span></p>
  <div id="social"></div>`;

describe.skipIf(!HAS_BROWSER)("widget privacy: an address split over blocks, written after load", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("masked in the mutations that add it, on either side of the edge", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", PAGE);
    await waitForRecorder(page);
    await page.evaluate(async () => {
      const pause = () => new Promise((done) => setTimeout(done, 700)); // past a mutation batch
      const card = document.getElementById("card")!;
      card.insertAdjacentHTML("beforeend", "<div>jane.doe</div>");
      await pause();
      card.insertAdjacentHTML("beforeend", "<div>@split-one.com</div>");
      card.insertAdjacentHTML("beforeend", "<div><div>li.wei</div><div>@split-two.cn</div></div>");
      await pause();
      document.getElementById("who")!.insertAdjacentHTML("afterend", "<br><span>@split-three.org</span>");
      document.getElementById("social")!.innerHTML = "<p>Follow us</p><p>@handoff.io</p><p>Done</p>";
    });
    await page.getByText("Done").waitFor();
    await openWidget(page);
    const { id } = await sendTicket(page, "Split addresses after load");
    await page.getByText("Recording attached.").waitFor();
    const json = JSON.stringify(await storedRecording(server, id));
    // A full snapshot may have been taken since: the mutations must not have let it out either.
    for (const secret of ["jane.doe", "split-one", "li.wei", "split-two", "maria.lopez", "split-three"])
      expect(json, secret).not.toContain(secret);
    for (const visible of ["Contact", "Reply to ", "Follow us", "@handoff.io", "j•••.•••", "@s••••-•••.com"])
      expect(json, visible).toContain(visible);
    expect(errors).toEqual([]);
    await close();
  }, 60_000);
});
