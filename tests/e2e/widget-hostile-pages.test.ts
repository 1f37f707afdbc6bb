import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER } from "./harness.js";
import { form, openWidget, sendTicket } from "./widget-fixtures.js";
import {
  expectStyledLauncher,
  type HostileSite,
  scriptTag,
  sendWithRecording,
  startHostileSite,
} from "./widget-hostile-fixtures.js";

/** Pages on another origin doing what real customers' pages do; the widget must keep working on each. */
describe.skipIf(!HAS_BROWSER)("the widget on hostile third-party pages", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  test("a strict Content-Security-Policy (no 'unsafe-inline' styles or scripts): styled launcher and dialog, ticket and recording sent", async () => {
    const widget = new URL(site.server.url).origin;
    const { page, errors, close } = await site.open("/csp", {
      headers: {
        "Content-Security-Policy": `default-src 'self'; script-src 'self' ${widget}; style-src 'self'; connect-src 'self' ${widget}`,
      },
      head: `<script src="/violations.js"></script>`,
      files: {
        "/violations.js": `window.violations = [];
          document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective + " " + e.blockedURI));`,
      },
    });
    await expectStyledLauncher(page);
    await openWidget(page);
    expect(await form(page).evaluate((d) => getComputedStyle(d).position)).toBe("fixed");
    await page.keyboard.press("Escape");
    const { events } = await sendWithRecording(site, page, "Strict CSP");
    expect(events[1].type).toBe(2); // the full snapshot
    // Now a visitor with a conversation: the conversation view's tabs are styled too.
    await expect
      .poll(() => page.locator("#handoff-widget .t").evaluate((e) => getComputedStyle(e).display))
      .toBe("flex");
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test("a cross-origin isolated page (COEP require-corp): the widget, its chunks and the recorder load; ticket and recording sent", async () => {
    const { page, errors, close } = await site.open("/isolated", {
      headers: { "Cross-Origin-Embedder-Policy": "require-corp", "Cross-Origin-Opener-Policy": "same-origin" },
    });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectStyledLauncher(page);
    const { events } = await sendWithRecording(site, page, "Isolated page");
    expect(events[1].type).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  test("the page's own popover (a cookie banner) shown after the widget loaded: the opened form is on top of it", async () => {
    const { page, errors, close } = await site.open("/popover", {
      head: `<style>#cookies{position:fixed;inset:auto 0 0 0;margin:0;width:100%;height:50vh;border:0;background:#ffd}</style>`,
      body: `<h1>Orders</h1><div id="cookies" popover="manual">We use cookies.</div>`,
    });
    await expectStyledLauncher(page);
    await page.evaluate(() => document.getElementById("cookies")!.showPopover());
    await page.evaluate(() => (window as unknown as { Handoff: { open(): void } }).Handoff.open());
    await form(page).waitFor();
    // Real clicks (Playwright checks what is under the pointer): the banner covered the lower half, Send included.
    await form(page).getByLabel("Email", { exact: true }).click({ timeout: 5000 });
    await page.keyboard.type("cookie@northwind.example");
    await form(page).getByLabel("Subject").fill("Under the cookie banner");
    await form(page).getByLabel("Description").fill("Send was under it");
    await form(page).getByRole("button", { name: "Send" }).click({ timeout: 5000 });
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("page CSS that matches every div (transform, div:empty, all: unset), rtl and zoom: the launcher stays on screen", async () => {
    const { page, errors, close } = await site.open("/css", {
      head: `<style>* { all: unset } html { zoom: 1.25 } div { transform: translateZ(0) } div:empty { display: none }
        .overlay { display: block; position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, .1) }</style>`,
      body: `<div class="overlay"></div><h1 dir="rtl">الطلبات</h1>`,
    });
    await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
    await expectStyledLauncher(page);
    await openWidget(page);
    await sendTicket(page, "Page CSS");
    expect(errors).toEqual([]);
    await close();
  });

  test("a page scaled up with CSS zoom (html { zoom: 1.5 }): the open form fits the window, title and close button on screen", async () => {
    const { page, errors, close } = await site.open("/zoomed", {
      head: "<style>html { zoom: 1.5 }</style>",
      body: `<h1>Orders</h1><div style="height: 3000px"></div>`,
    });
    await page.setViewportSize({ width: 1280, height: 720 });
    await openWidget(page);
    const box = await form(page).boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true);
    // The customer can read the title and reach the close button with the mouse.
    const title = await form(page).getByRole("heading", { name: "Contact support" }).boundingBox();
    expect(title && title.y >= 0).toBe(true);
    const closeButton = await form(page).getByRole("button", { name: "Close" }).boundingBox();
    expect(closeButton && closeButton.y >= 0).toBe(true);
    await page.mouse.click(closeButton!.x + closeButton!.width / 2, closeButton!.y + closeButton!.height / 2);
    await form(page).waitFor({ state: "detached" });
    expect(errors).toEqual([]);
    await close();
  });

  test("a right-to-left page: the widget's left-to-right languages still read left to right", async () => {
    const { page, errors, close } = await site.open("/rtl", {
      head: `<script>document.documentElement.dir = "rtl";</script>`,
      body: `<h1>الطلبات</h1>`,
    });
    await expectStyledLauncher(page);
    const launcher = page.getByRole("button", { name: /Help/ });
    const [icon, text] = await launcher.evaluate((b) =>
      [b.querySelector("svg")!, b.querySelector("span")!].map((e) => e.getBoundingClientRect().x),
    );
    expect(icon).toBeLessThan(text);
    await openWidget(page);
    expect(await form(page).evaluate((d) => getComputedStyle(d).direction)).toBe("ltr");
    expect(errors).toEqual([]);
    await close();
  });

  test("fetch and XMLHttpRequest wrapped to add headers to every request (tracing, CSRF): the ticket and recording still arrive", async () => {
    const { page, errors, close } = await site.open("/wrapped", {
      head: `<script>
        const nativeFetch = window.fetch;
        window.fetch = function (input, init) {
          const headers = new Headers((init && init.headers) || {});
          headers.set("sentry-trace", "0123456789abcdef0123456789abcdef-0123456789abcdef-1");
          headers.set("baggage", "sentry-environment=production");
          return nativeFetch(input, Object.assign({}, init, { headers }));
        };
        const open = XMLHttpRequest.prototype.open;
        XMLHttpRequest.prototype.open = function () {
          const result = open.apply(this, arguments);
          this.setRequestHeader("X-Requested-With", "XMLHttpRequest");
          return result;
        };
      </script>`,
      body: `<h1>Orders</h1><button id="load" onclick="fetch('/api/orders.json')">Load orders</button>`,
    });
    await expectStyledLauncher(page);
    await page.locator("#load").click();
    const { body, events } = await sendWithRecording(site, page, "Wrapped fetch");
    expect(body.context?.network).toEqual([
      expect.objectContaining({ url: `${site.origin}/api/orders.json`, status: 404 }),
    ]);
    expect(events[1].type).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  test("Prototype.js-style Array.prototype.toJSON and Object.prototype extras: the ticket is accepted with its context", async () => {
    const { page, errors, close } = await site.open("/prototype", {
      head: `<script>
        Array.prototype.toJSON = function () { return "[" + this.map(function (x) { return JSON.stringify(x); }).join(", ") + "]"; };
        Object.prototype.extend = function () {};
      </script>`,
      body: `<h1>Orders</h1><button id="fail" onclick="console.error('Order sync failed')">Sync</button>`,
    });
    await expectStyledLauncher(page);
    await page.locator("#fail").click();
    const { body, events } = await sendWithRecording(site, page, "Prototype page");
    expect(body.context?.console).toEqual([expect.objectContaining({ message: "Order sync failed" })]);
    expect(body.context?.clicks).toEqual([expect.objectContaining({ text: "Sync" })]);
    expect(events[1].type).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  test("a <base href>: failed requests are reported at the URL the browser fetched", async () => {
    const { page, errors, close } = await site.open("/app/orders", {
      head: `<base href="/static/">`,
      body: `<h1>Orders</h1><button id="load" onclick="fetch('orders.json')">Load orders</button>`,
    });
    await expectStyledLauncher(page);
    await page.locator("#load").click();
    await openWidget(page);
    const { body } = await sendTicket(page, "Base href");
    expect(body.context?.network).toEqual([
      expect.objectContaining({ url: `${site.origin}/static/orders.json`, status: 404 }),
    ]);
    expect(errors).toEqual([]);
    await close();
  });

  test("the app replaces <body> (Turbo) or rewrites it (innerHTML): the launcher comes back and still sends", async () => {
    const { page, errors, close } = await site.open("/spa", {});
    await expectStyledLauncher(page);
    await page.evaluate(() => {
      const next = document.createElement("body");
      next.innerHTML = "<h1>Invoices</h1>";
      document.body.replaceWith(next);
    });
    await expectStyledLauncher(page);
    await page.evaluate(() => {
      document.body.innerHTML = "<h1>Settings</h1>";
    });
    await expectStyledLauncher(page);
    await openWidget(page);
    await sendTicket(page, "Body replaced");
    expect(await page.locator("#handoff-widget").count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("a page that froze console and history: uncaught errors and the page load are still captured", async () => {
    const { page, errors, close } = await site.open("/frozen", {
      head: `<script>Object.freeze(console); Object.freeze(history);</script>`,
      body: `<h1>Orders</h1><button id="fail" onclick="throw new Error('Order sync failed')">Sync</button>`,
    });
    await expectStyledLauncher(page);
    await page.locator("#fail").click();
    await openWidget(page);
    const { body } = await sendTicket(page, "Frozen globals");
    expect(body.context?.console).toEqual([
      expect.objectContaining({ kind: "uncaught", message: expect.stringContaining("Order sync failed") }),
    ]);
    expect(body.context?.navigation).toEqual([expect.objectContaining({ kind: "load" })]);
    expect(errors).toEqual(["Order sync failed"]); // the page's own error, nothing of ours
    await close();
  });

  test("a page that froze Object.prototype and other intrinsics (against prototype pollution): the form reacts, nothing throws", async () => {
    const { page, errors, close } = await site.open("/frozen-intrinsics", {
      head: `<script>[Object.prototype, Array.prototype, Function.prototype].forEach(Object.freeze);</script>`,
    });
    await expectStyledLauncher(page);
    await openWidget(page);
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByText("Required").first().waitFor(); // the dialog's own state update
    await page.keyboard.press("Escape");
    const { events } = await sendWithRecording(site, page, "Frozen intrinsics");
    expect(events[1].type).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  test("the tag twice, again from a tag manager later, and page globals named h, preact and define: one widget", async () => {
    const { page, errors, close } = await site.open("/twice", {
      head: `<script>window.h = function () { throw new Error("the page's h"); }; window.preact = { h: window.h };
        window.define = function () {}; window.define.amd = {};</script>`,
      tag: (widget) => scriptTag(widget) + scriptTag(widget),
    });
    await expectStyledLauncher(page);
    await page.evaluate(
      (widget) =>
        new Promise((resolve) => {
          const script = document.createElement("script");
          script.src = `${widget}/widget.js`;
          script.dataset.siteKey = "pk_demo";
          script.onload = () => requestIdleCallback(resolve);
          document.body.appendChild(script);
        }),
      new URL(site.server.url).origin,
    );
    await openWidget(page);
    await sendTicket(page, "Tag twice");
    expect(await page.locator("#handoff-widget").count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});
