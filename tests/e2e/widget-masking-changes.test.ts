import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage, hostPage } from "./widget-fixtures.js";

// Live cells the page rewrites every 20 ms, then at once: one cell's ancestor gets the rr-mask class, one cell moves
// under an rr-mask parent, one cell's ancestor becomes contenteditable (masked with the inputs), one ancestor loses
// rr-mask, one gains rr-block. (Not data-handoff-mask: the widget checks that one again as it emits.) The recorder remembers per element whether it sits under a masked or blocked one (patches/README.md):
// none of these may leave an answer from before the change.
const PAGE = `
  <div id="a-box"><p><span id="a">a-tick-0</span></p></div>
  <div><span id="b">b-tick-0</span></div><div id="b-dest" class="rr-mask"></div>
  <div id="c-box"><p><span id="c">c-tick-0</span></p></div>
  <div id="d-box" class="rr-mask"><p><span id="d">d-tick-0</span></p></div>
  <div id="e-box"><p><span id="e">e-tick-0</span></p></div>
  <script>
    let n = 0;
    setInterval(() => { n++; for (const id of "abcde") document.getElementById(id).textContent = id + "-tick-" + n; }, 20);
    window.change = () => {
      document.getElementById("a-box").classList.add("rr-mask");
      document.getElementById("b-dest").append(document.getElementById("b"));
      document.getElementById("c-box").setAttribute("contenteditable", "");
      document.getElementById("d-box").classList.remove("rr-mask");
      document.getElementById("e-box").classList.add("rr-block");
      return n;
    };
  </script>`;

describe.skipIf(!HAS_BROWSER)("widget masking when the page changes what is masked", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("a class, attribute or move that masks or blocks a live text applies from the next change on", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", PAGE);
    await waitForRecorder(page);
    const tick = () => page.evaluate(() => Number(document.getElementById("a")!.textContent!.slice(7)));
    // Changes over more than one batch first (batches are 50-500 ms), so what the recorder remembers is in place.
    const recordingFrom = await tick();
    await expect.poll(tick, { timeout: 20_000 }).toBeGreaterThan(recordingFrom + 40);
    const changedAt = await page.evaluate(() => (window as unknown as { change(): number }).change());
    await expect.poll(tick, { timeout: 20_000 }).toBeGreaterThan(changedAt + 20);

    await openWidget(page);
    const { id } = await sendTicket(page, "Masking changes");
    await page.getByText("Recording attached.").waitFor();
    const json = JSON.stringify(await storedRecording(server, id));
    const ticks = (cell: string) =>
      (json.match(new RegExp(`${cell}-tick-\\d+`, "g")) ?? []).map((t) => Number(t.slice(7)));
    for (const cell of ["a", "b", "c", "e"]) {
      expect(ticks(cell).filter((t) => t <= changedAt).length, `${cell} before the change`).toBeGreaterThan(0);
      expect(
        ticks(cell).filter((t) => t > changedAt),
        `${cell} after the change`,
      ).toEqual([]);
    }
    expect(
      ticks("d").filter((t) => t <= changedAt),
      "d before the change",
    ).toEqual([]);
    expect(ticks("d").filter((t) => t > changedAt).length, "d after the change").toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });
});
