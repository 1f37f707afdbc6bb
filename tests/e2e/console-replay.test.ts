import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, logIn, newPage, recordingEvents, richTicket } from "./console-fixtures.js";

const CUSTOMER = "https://app.customer.example";
const EVIL = "http://evil.attacker.example";
// An address inside the agent's own network: a replay must not fire GETs at it either.
const INTRANET = "http://10.1.2.3:8080";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

type Node = Record<string, unknown>;
let nextId = 10;
const el = (tagName: string, attributes: Record<string, string> = {}, childNodes: Node[] = []): Node => ({
  type: 2,
  id: nextId++,
  tagName,
  attributes,
  childNodes,
});
const text = (textContent: string, isStyle = false): Node => ({ type: 3, id: nextId++, textContent, isStyle });

/** A page as a hostile uploader would record it: every way a DOM can make a browser fetch a URL. */
function hostileSnapshot(marker: string): Node {
  const head = el("head", {}, [
    el("meta", { "http-equiv": "refresh", content: `0;url=${EVIL}/${marker}/refresh` }),
    el("link", { rel: "stylesheet", href: `${EVIL}/${marker}/link.css` }),
    el("link", { rel: "prefetch", href: `${INTRANET}/${marker}/prefetch` }),
    el("link", { rel: "icon", href: `${EVIL}/${marker}/favicon.ico` }),
    el("style", {}, [
      text(
        `@import url("${EVIL}/${marker}/import.css");` +
          `@font-face{font-family:Evil;src:url("${EVIL}/${marker}/font.woff2")}` +
          `body{font-family:Evil;background:url("${INTRANET}/${marker}/body-bg.png")}`,
        true,
      ),
    ]),
  ]);
  const body = el("body", {}, [
    el("h1", {}, [text(`Hostile page ${marker}`)]),
    el("img", { src: `${EVIL}/${marker}/img.png`, alt: "tracker" }),
    el("img", { src: `${CUSTOMER}/${marker}/logo.png`, alt: "Customer logo" }),
    el("img", { srcset: `${EVIL}/${marker}/srcset.png 1x, ${EVIL}/${marker}/srcset2.png 2x`, alt: "srcset" }),
    el("picture", {}, [el("source", { srcset: `${INTRANET}/${marker}/source.png` }), el("img", { alt: "picture" })]),
    el("div", { style: `width:50px;height:50px;background-image:url(${EVIL}/${marker}/inline.png)` }),
    el("video", { src: `${EVIL}/${marker}/video.mp4`, poster: `${EVIL}/${marker}/poster.png` }),
    el("audio", { src: `${INTRANET}/${marker}/audio.mp3`, autoplay: "" }),
    el("object", { data: `${EVIL}/${marker}/object.swf` }),
    el("embed", { src: `${EVIL}/${marker}/embed.swf` }),
    el("iframe", { src: `${EVIL}/${marker}/frame.html` }),
    el("svg", { width: "10", height: "10" }, [el("image", { href: `${EVIL}/${marker}/svg-image.png` })]),
    el("input", { type: "image", src: `${EVIL}/${marker}/input.png` }),
    el("table", { background: `${EVIL}/${marker}/table-bg.png` }),
  ]);
  return {
    type: 0,
    id: nextId++,
    childNodes: [{ type: 1, id: nextId++, name: "html", publicId: "", systemId: "" }, el("html", {}, [head, body])],
  };
}

/** Two checkouts: the second full snapshot is rebuilt with document.open() while the replay plays. */
function hostileRecording(sentAt: number): unknown[] {
  const start = sentAt - 10_000;
  const meta = (t: number) => ({
    type: 4,
    timestamp: t,
    data: { href: `${CUSTOMER}/reports`, width: 1280, height: 800 },
  });
  return [
    meta(start),
    { type: 2, timestamp: start + 10, data: { node: hostileSnapshot("first"), initialOffset: { top: 0, left: 0 } } },
    meta(start + 2_000),
    {
      type: 2,
      timestamp: start + 2_010,
      data: { node: hostileSnapshot("second"), initialOffset: { top: 0, left: 0 } },
    },
    { type: 3, timestamp: sentAt, data: { source: 1, positions: [{ x: 300, y: 300, id: 12, timeOffset: 0 }] } },
  ];
}

describe.skipIf(!HAS_BROWSER)("console: replaying a hostile recording, and one with a recorded focus", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const leaked: string[] = [];
  const customerLoads: string[] = [];
  const sentAt = Date.now() - 60_000;
  let ticket: { id: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ allowedOrigins: [CUSTOMER] }), launchBrowser()]);
    ticket = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 10_000, eventCount: 5 } }),
      hostileRecording(sentAt),
    );
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every request the browser makes outside the Handoff server is seen here (and answered, so nothing hangs):
    // a request reaching this handler is one that left the agent's browser.
    await context.route(
      (url) => url.origin !== new URL(server.url).origin,
      async (route) => {
        const url = route.request().url();
        if (url.startsWith(CUSTOMER)) customerLoads.push(url);
        else leaked.push(url);
        await route.fulfill({ status: 200, contentType: "image/png", body: PNG });
      },
    );
    page = await context.newPage();
    await logIn(page, server);
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads the customer's own assets, nothing from anywhere else, and says what it blocked", async () => {
    await page.goto(`${server.url}/console/tickets/${ticket.id}`);
    const frame = page.frameLocator(".replay__player iframe");
    await frame.getByText("Hostile page first").waitFor();
    // The allowed origin's image arrives: an honest recording still shows the customer's page as it was.
    await expect.poll(() => customerLoads.some((url) => url.endsWith("/first/logo.png"))).toBe(true);
    // Play through the second checkout (rrweb rebuilds the document with document.open()).
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await frame.getByText("Hostile page second").waitFor();
    await expect.poll(() => customerLoads.some((url) => url.endsWith("/second/logo.png"))).toBe(true);
    // Give late loads (fonts, the meta refresh, media) a chance to go out before counting.
    await page.waitForTimeout(1_500);
    expect(leaked).toEqual([]);
    // The agent is told what was refused, and from where.
    const notice = page.locator('[data-replay-state="blocked-assets"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(EVIL);
    expect(await notice.textContent()).toContain(INTRANET);
    // The replay frame was never navigated away (meta refresh) and still shows the recording.
    expect(await frame.getByText("Hostile page second").count()).toBe(1);
  });

  // The customer focused a button in their page: rrweb replays that focus, which pulled the agent's keyboard into the
  // replay frame, and every console shortcut (Space to pause, e, Esc) stopped working until they clicked somewhere.
  test("past a recorded focus, Space still pauses and e still opens the handoff form", async () => {
    const sentAt = Date.now() - 60_000;
    const start = sentAt - 30_000;
    const events = recordingEvents(sentAt);
    // MouseInteraction (source 2) of type Focus (5) on the Export button (node 8), one second in.
    events.splice(2, 0, { type: 3, timestamp: start + 1_000, data: { source: 2, type: 5, id: 8 } });
    const ticket = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: events.length } }),
      events,
    );
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    await page.locator(".rr-player").waitFor();
    const play = page.locator(".rr-controller__btns > button").first();
    const clock = page.locator(".rr-timeline__time").first();

    await page.keyboard.press(" ");
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Pause");
    await expect.poll(async () => (await clock.textContent())?.trim(), { timeout: 15_000 }).not.toMatch(/^00:0[01]$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("IFRAME");
    await page.keyboard.press(" ");
    await expect.poll(() => play.getAttribute("aria-label")).toBe("Play");
    await page.keyboard.press("e");
    await page.getByRole("form", { name: `Escalate ${ticket.reference}` }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
