import type { NetworkFailure } from "../../shared/context.js";
import type { Ring } from "./ring.js";
import { scrubStart, scrubUrl } from "./scrub.js";

export interface NetworkOptions {
  /** True for the widget's own API calls, which are never captured. */
  isOwn(url: string): boolean;
}

type XhrInfo = { method: string; url: string; start: number };
const XHR_INFO = new WeakMap<XMLHttpRequest, XhrInfo>();

/**
 * Failed fetch and XMLHttpRequest calls: status >= 400, or 0 when no response came back. No bodies, no headers.
 * Relative URLs resolve as the browser resolves them: against the document's base URL (a <base href>), not the page's.
 */
export function startNetwork(ring: Ring<NetworkFailure>, options: NetworkOptions): () => void {
  const record = (method: string, url: string, status: number, start: number, error?: string) => {
    if (options.isOwn(url)) return;
    const failure: NetworkFailure = {
      t: Date.now(),
      method: method.toUpperCase().slice(0, 16),
      url: scrubUrl(url, location.href),
      status,
      durationMs: Math.max(0, Math.round(performance.now() - start)),
    };
    if (error) failure.error = scrubStart(error, 300).slice(0, 300);
    ring.push(failure);
  };

  const originalFetch = window.fetch;
  const patchedFetch: typeof fetch = function (this: unknown, input, init) {
    const start = performance.now();
    let method = "GET";
    let url = "";
    try {
      const request = typeof Request !== "undefined" && input instanceof Request ? input : undefined;
      method = init?.method || request?.method || "GET";
      url = request ? request.url : String(input);
      url = new URL(url, document.baseURI).href;
    } catch {
      /* keep what we have */
    }
    const result = originalFetch.call(this ?? window, input, init);
    result.then(
      (response) => {
        if (response.status >= 400) record(method, url, response.status, start);
      },
      (error: unknown) => {
        const name = (error as Error)?.name;
        // An abort is the app's own decision, not a failure the customer saw.
        if (name !== "AbortError") record(method, url, 0, start, String((error as Error)?.message || error));
      },
    );
    return result;
  };
  if (typeof originalFetch === "function") window.fetch = patchedFetch;

  const proto = XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    let href = String(url);
    try {
      href = new URL(href, document.baseURI).href;
    } catch {
      /* keep raw */
    }
    XHR_INFO.set(this, { method, url: href, start: 0 });
    return (originalOpen as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const info = XHR_INFO.get(this);
    if (info) {
      info.start = performance.now();
      let aborted = false;
      this.addEventListener("abort", () => (aborted = true));
      this.addEventListener("loadend", () => {
        if (aborted) return;
        if (this.status === 0) record(info.method, info.url, 0, info.start, "network error");
        else if (this.status >= 400) record(info.method, info.url, this.status, info.start);
      });
    }
    return originalSend.call(this, body);
  };
  const patchedOpen = proto.open;
  const patchedSend = proto.send;

  return () => {
    if (window.fetch === patchedFetch) window.fetch = originalFetch;
    if (proto.open === patchedOpen) proto.open = originalOpen;
    if (proto.send === patchedSend) proto.send = originalSend;
  };
}
