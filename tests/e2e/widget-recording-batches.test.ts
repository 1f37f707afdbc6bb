import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { hostPage, openWidget, sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";
import { logIn, newPage } from "./console-fixtures.js";

// rrweb event vocabulary (rrweb's EventType / IncrementalSource / MouseInteractions).
const INCREMENTAL = 3;
const MUTATION = 0;
const MOUSE_MOVE = 1;
const MOUSE_INTERACTION = 2;
const CLICK = 2;

interface Added {
  parentId: number;
  node: { id: number; type: number; tagName?: string; textContent?: string; attributes?: Record<string, unknown> };
}
type RecordedEvent = {
  type: number;
  timestamp: number;
  data?: {
    source?: number;
    type?: number;
    id?: number;
    adds?: Added[];
    texts?: { id: number; value: string }[];
    positions?: { x: number; y: number; id: number; timeOffset: number }[];
  };
};

// A live cell the page rewrites every 20 ms (a busy dashboard: the recorder batches these changes), and a button
// that makes a new button appear, which the customer clicks at once.
const PAGE = `
  <p>Live price <span id="live">0</span></p>
  <div id="actions"><button id="add" onclick="const b = document.createElement('button'); b.id = 'fresh'; b.textContent = 'Fresh action'; b.onclick = () => { document.getElementById('status').textContent = 'Fresh action done'; }; document.getElementById('actions').append(b)">Add action</button></div>
  <p id="status">Idle</p>
  <script>let n = 0; setInterval(() => { document.getElementById("live").textContent = "tick " + ++n; }, 20);</script>`;

describe.skipIf(!HAS_BROWSER)("widget recording: batched DOM changes", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("a button that just appeared and is clicked at once is recorded with its id, and so is what the click did", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", PAGE);
    await waitForRecorder(page);
    // The pointer wanders over the page first: many moves, of which the recording keeps one per 100 ms.
    let moves = 0;
    for (let i = 0; i < 12; i++, moves += 5) {
      await page.mouse.move(20 + i * 15, 20 + i * 5, { steps: 5 });
      await page.waitForTimeout(30); // pacing the customer's hand, not waiting for a condition
    }
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("button", { name: "Fresh action" }).click(); // well within one batch of the live cell's changes
    await page.getByText("Fresh action done").waitFor();

    await openWidget(page);
    const { id } = await sendTicket(page, "Clicked the fresh button");
    await page.getByText("Recording attached.").waitFor();
    const events = (await storedRecording(server, id)) as RecordedEvent[];
    const mutations = events.filter((e) => e.type === INCREMENTAL && e.data?.source === MUTATION);
    const fresh = mutations.flatMap((e) => e.data!.adds ?? []).find((a) => a.node.attributes?.id === "fresh");
    expect(fresh, "the added button is in the recording").toBeDefined();
    const clicks = events.filter(
      (e) => e.type === INCREMENTAL && e.data?.source === MOUSE_INTERACTION && e.data.type === CLICK,
    );
    // The click names the new button: replay can show it (rrweb records -1 for a node it has not serialized yet).
    expect(clicks.map((c) => c.data!.id)).toContain(fresh!.node.id);
    // Where the pointer went is in the recording, sampled: at most one position per 100 ms, not one per move.
    const positions = events
      .filter((e) => e.type === INCREMENTAL && e.data?.source === MOUSE_MOVE)
      .flatMap((e) => e.data!.positions!.map((p) => ({ ...p, t: e.timestamp + p.timeOffset })));
    expect(positions.length).toBeGreaterThan(2);
    expect(positions.length).toBeLessThan(moves / 2);
    for (let i = 1; i < positions.length; i++) expect(positions[i].t - positions[i - 1].t).toBeGreaterThanOrEqual(95);
    const json = JSON.stringify(mutations);
    expect(json).toContain("Fresh action done");
    // The live cell's changes are recorded too (the last one in each batch).
    const ticks = new Set(json.match(/tick \d+/g));
    expect(ticks.size).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    const lastTick = Math.max(...[...ticks].map((t) => Number(t.slice(5))));
    await close();

    // The agent's replay, moved to its end: the live cell shows a late value (its text changes were recorded as changes
    // of the node replay knows), and what the click did is there.
    const agent = await newPage(browser);
    await logIn(agent.page, server);
    await agent.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await agent.page.goto(`${server.url}/console/tickets/${id}`);
    const replay = agent.page.frameLocator(".replay__player iframe");
    await replay.getByText("Add action").waitFor();
    const progress = agent.page.locator(".rr-progress");
    const box = (await progress.boundingBox())!;
    await progress.click({ position: { x: box.width - 1, y: box.height / 2 } });
    await replay.getByText("Fresh action done").waitFor();
    const shown = Number((await replay.locator("#live").textContent())!.replace("tick ", ""));
    expect(shown).toBeGreaterThan(lastTick - 10);
    expect(agent.errors).toEqual([]);
    await agent.close();
  });

  // rrweb reads nodes through getters it trusts: the page's own while they are native (as a property, the fast way),
  // else those of a fresh frame's prototypes. A page (or a framework) that wraps one must not see the recorder read
  // through its wrapper, nor change what is recorded.
  test("on a page that wraps Node's textContent getter, the recorder reads the page around it and records its text", async () => {
    const { page, errors, close } = await widgetPage(browser);
    const wrapped = `<script>
      window.reads = 0;
      const own = Object.getOwnPropertyDescriptor(Node.prototype, "textContent");
      Object.defineProperty(Node.prototype, "textContent", {
        configurable: true,
        get() { window.reads++; return own.get.call(this); },
        set(value) { own.set.call(this, value); },
      });
    </script>`;
    await hostPage(page, server, "", wrapped + PAGE);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((e) => /recorder/.test(e.name))))
      .toBe(true);
    await page.waitForTimeout(1000); // the live cell changes 50 times a second: many batches recorded by now
    expect(await page.evaluate(() => (window as unknown as { reads: number }).reads)).toBe(0);
    await openWidget(page);
    const { id } = await sendTicket(page, "Wrapped getters");
    await page.getByText("Recording attached.").waitFor();
    const events = (await storedRecording(server, id)) as RecordedEvent[];
    const json = JSON.stringify(events.filter((e) => e.type === INCREMENTAL && e.data?.source === MUTATION));
    expect(new Set(json.match(/tick \d+/g)).size).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await close();
  });
});
