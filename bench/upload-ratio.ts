/**
 * Upload size of a full recording window / its raw JSON, for the demo page and the busy page: the widget is used
 * for `seconds` (default 65, so the 60 s window is full), a ticket is sent, and the recording upload is measured.
 * Target: <= 0.10.   npx tsx bench/upload-ratio.ts [seconds=65]
 */
import type { Page } from "playwright-core";
import { agentGet } from "../tests/e2e/widget-fixtures.js";
import { actLikeAUser, openBusyPage, startBench } from "./bench-page.js";

const seconds = Number(process.argv[2] ?? 65);
const bench = await startBench();

async function measure(name: string, page: Page, act: () => Promise<void>) {
  await act();
  await page.getByRole("button", { name: /Help/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email", { exact: true }).fill("bench@example.com");
  await dialog.getByLabel("Subject").fill("Upload ratio");
  await dialog.getByLabel("Description").fill("bench");
  const [post, put] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/v1/widget/tickets")),
    page.waitForRequest((r) => r.method() === "PUT" && r.url().endsWith("/recording"), { timeout: 60_000 }),
    dialog.getByRole("button", { name: "Send" }).click(),
  ]);
  await page.getByText("Recording attached.").waitFor({ timeout: 60_000 });
  const { id } = (await (await post.response())!.json()) as { id: string };
  // The bytes that went over the wire (packed + gzip), against the plain JSON of the events the agent gets back.
  void put;
  const gzip = { byteLength: await page.evaluate(() => (window as unknown as { uploadBytes: number }).uploadBytes) };
  const events = await agentGet<{ timestamp: number }[]>(bench.server, `/api/v1/tickets/${id}/recording`);
  const raw = Buffer.from(JSON.stringify(events));
  const span = (events[events.length - 1].timestamp - events[0].timestamp) / 1000;
  console.log(
    `${name.padEnd(10)} ${events.length} events over ${span.toFixed(0)} s: raw ${(raw.byteLength / 1024).toFixed(0)} KB, ` +
      `upload ${(gzip.byteLength / 1024).toFixed(0)} KB, ratio ${(gzip.byteLength / raw.byteLength).toFixed(3)} (target <= 0.10)`,
  );
}

// Playwright does not expose an XHR's Blob body: the page notes the size of what the widget sends.
const noteUploadSize = () => {
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body?: Document | XMLHttpRequestBodyInit | null) {
    if (body instanceof Blob) (window as unknown as { uploadBytes: number }).uploadBytes = body.size;
    return send.call(this, body);
  };
};

try {
  const demo = await bench.browser.newPage({ viewport: { width: 1200, height: 800 } });
  await demo.addInitScript(noteUploadSize);
  await demo.goto(`${bench.server.url}/demo/`);
  await measure("demo", demo, async () => {
    const end = Date.now() + seconds * 1000;
    for (let _i = 0; Date.now() < end; _i++) {
      for (const link of ["Reports", "Settings", "Dashboard"]) {
        await demo.getByRole("link", { name: link }).click();
        await actLikeAUser(demo, 1500);
      }
    }
  });
  const busy = await bench.browser.newPage({ viewport: { width: 1200, height: 800 } });
  await busy.addInitScript(noteUploadSize);
  await openBusyPage(busy, bench.server, "handoff");
  await measure("busy page", busy, () => actLikeAUser(busy, seconds * 1000));
} finally {
  await bench.close();
}
