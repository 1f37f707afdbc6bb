/**
 * The customer's live stream (GET /api/v1/widget/events, contract: shared/events-api.ts), read with a streaming
 * fetch because EventSource cannot send the widget's headers. It only wakes the store (which then fetches the
 * updates it already knows how to merge); it reconnects with Last-Event-ID so nothing is missed, and reports
 * `up` so the store polls only while the stream is down (refused, unsupported, or between retries).
 */
import { callerHeaders, type Caller } from "./client.js";

const EVENTS_PATH = "/api/v1/widget/events";
const MIN_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A page left in the background this long lets go of its connection; the store polls slowly instead. */
const HIDDEN_CLOSE_MS = 60_000;
/** The server sends a heartbeat every 20 s: a stream silent this long is dead somewhere on the way, reconnect. */
const SILENT_MS = 50_000;

export interface LiveHandlers {
  /** Something changed for this customer (or the stream asks for a reload): fetch the updates now. */
  onEvent(): void;
  onState(up: boolean): void;
}

export function startLive(caller: Caller, handlers: LiveHandlers): () => void {
  let lastEventId = "";
  let controller: AbortController | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  let up = false;

  const setUp = (value: boolean) => {
    if (up === value) return;
    up = value;
    handlers.onState(value);
  };

  async function connect() {
    retry = undefined;
    if (stopped || controller) return;
    controller = new AbortController();
    const headers = callerHeaders(caller);
    if (lastEventId) headers["Last-Event-ID"] = lastEventId;
    try {
      const response = await fetch(caller.apiOrigin + EVENTS_PATH, {
        headers,
        credentials: "omit",
        cache: "no-store",
        signal: controller.signal,
      });
      // 401: nobody to follow (no token, no identity); polling would get the same answer.
      if (response.status === 401) return end(false);
      if (!response.ok || !response.body) return end(true);
      setUp(true);
      failures = 0;
      // Catch up on what landed before the stream was subscribed: while reconnecting, or (first connect) between the
      // store's load and now, which no event will ever announce.
      handlers.onEvent();
      await read(response.body);
      end(true);
    } catch {
      end(true);
    }
  }

  async function read(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let silent: ReturnType<typeof setTimeout> | undefined;
    for (;;) {
      const abort = controller;
      silent = setTimeout(() => abort?.abort(), SILENT_MS);
      const { done, value } = await reader.read().finally(() => clearTimeout(silent));
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end = buffer.indexOf("\n\n");
      let changed = false;
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split("\n")) {
          if (line.startsWith("id:")) lastEventId = line.slice(3).trim();
          else if (line.startsWith("data:")) changed = true;
        }
        end = buffer.indexOf("\n\n");
      }
      if (changed) handlers.onEvent();
    }
  }

  function end(again: boolean) {
    controller = undefined;
    setUp(false);
    if (stopped || !again || document.hidden) return;
    failures++;
    retry = setTimeout(connect, Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** (failures - 1)));
  }

  const onVisibility = () => {
    clearTimeout(hiddenTimer);
    if (document.hidden) {
      hiddenTimer = setTimeout(() => controller?.abort(), HIDDEN_CLOSE_MS);
    } else if (!controller && !retry) void connect();
  };
  document.addEventListener("visibilitychange", onVisibility);
  void connect();

  return () => {
    stopped = true;
    clearTimeout(retry);
    clearTimeout(hiddenTimer);
    document.removeEventListener("visibilitychange", onVisibility);
    controller?.abort();
  };
}
