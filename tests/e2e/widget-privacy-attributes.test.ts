import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

// Secrets that hide in attributes and element content rather than in typed values. Each has a visible neighbour
// that must reach the server, so an empty recording cannot pass.
const PAGE = `
  <iframe id="doc-frame" srcdoc="<p>Srcdoc visible</p><p data-handoff-mask>srcdoc-masked-secret</p>"></iframe>
  <iframe id="late-frame"></iframe>
  <textarea id="ta">textarea-initial-secret</textarea>
  <select id="plan"><option>Plan Alpha</option><option selected value="opt-value-secret">Plan Omega</option></select>
  <p>Editor below</p><div id="editor" contenteditable="true">editable-initial-secret</div>
  <div data-handoff-mask id="masked-box" title="title-secret"><img alt="alt-secret" src="data:,"><span>masked-body</span></div>
  <a href="https://example.com/reset?token=link-SECRET-6&lang=en">Reset link</a>
  <input id="late-input">`;

describe.skipIf(!HAS_BROWSER)("widget privacy: attribute and content leaks", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("srcdoc, textarea, select, contenteditable, masked attributes and link URLs never reach the server", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", PAGE);
    await page.frameLocator("#doc-frame").getByText("Srcdoc visible").waitFor();
    await waitForRecorder(page);
    // Changes after the first full snapshot travel as mutations: the same rules apply.
    await page.evaluate(() => {
      (document.getElementById("late-frame") as HTMLIFrameElement).srcdoc =
        "<p>Late frame visible</p><p data-handoff-mask>late-srcdoc-secret</p>";
      document.getElementById("late-input")!.setAttribute("value", "attr-set-secret");
      document.getElementById("masked-box")!.setAttribute("title", "late-title-secret");
      document
        .getElementById("masked-box")!
        .append(Object.assign(document.createElement("abbr"), { title: "added-title-secret" }));
    });
    await page.frameLocator("#late-frame").getByText("Late frame visible").waitFor();
    await page.locator("#ta").fill("textarea-typed-secret");
    await page.locator("#plan").selectOption("Plan Alpha");
    await page.locator("#editor").click();
    await page.keyboard.type(" editable-typed-secret");
    await page.waitForTimeout(300); // let rrweb's mutation observer flush before the buffer is read

    await openWidget(page);
    const { id } = await sendTicket(page, "Attribute leaks");
    await page.getByText("Recording attached.").waitFor();
    const recording = await storedRecording(server, id);
    const json = JSON.stringify(recording);
    for (const visible of [
      "Srcdoc visible",
      "Late frame visible",
      "Editor below",
      "Plan Omega",
      "Reset link",
      "lang=en",
    ]) {
      expect(json, visible).toContain(visible);
    }
    for (const secret of [
      "srcdoc-masked-secret",
      "late-srcdoc-secret",
      "textarea-initial-secret",
      "textarea-typed-secret",
      "editable-initial-secret",
      "editable-typed-secret",
      "title-secret",
      "alt-secret",
      "added-title-secret",
      "link-SECRET-6",
      "attr-set-secret",
    ])
      expect(json, secret).not.toContain(secret);
    expect(json).not.toContain('"srcdoc"');
    expect(json).toContain("https://example.com/reset?token=[redacted]&lang=en");
    // which option is selected is input too
    expect(json).not.toMatch(/"selected":true/);
    expect(errors).toEqual([]);
    await close();
  });
});
