import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startLive } from "../../widget/conversation/live.js";

/**
 * The widget's live stream must not trust a connection that went quiet: the server sends a heartbeat every 20 s,
 * so a stream that says nothing for much longer (a proxy that holds it, a server that lost track of it) is dropped
 * and reopened with Last-Event-ID; on every connection the store is told to catch up.
 */
describe("widget live stream", () => {
  const encoder = new TextEncoder();
  let connections: { headers: Record<string, string>; push(text: string): void; aborted: () => boolean }[];

  beforeEach(() => {
    vi.useFakeTimers();
    connections = [];
    vi.stubGlobal("document", { hidden: false, addEventListener() {}, removeEventListener() {} });
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      const signal = init.signal!;
      signal.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
      connections.push({
        headers: init.headers as Record<string, string>,
        push: (text) => controller.enqueue(encoder.encode(text)),
        aborted: () => signal.aborted,
      });
      return new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const caller = { apiOrigin: "https://support.example", siteKey: "site", identity: () => ({}) };

  it("keeps a stream that heartbeats, and reopens a silent one from the last event it saw", async () => {
    const events: string[] = [];
    const stop = startLive(caller, { onEvent: () => events.push("event"), onState: (up) => events.push(`up:${up}`) });
    await vi.advanceTimersByTimeAsync(0);
    expect(connections).toHaveLength(1);
    connections[0]!.push('retry: 2000\n: connected\n\nid: 41\nevent: replied\ndata: {"ticketId":"t"}\n\n');
    await vi.advanceTimersByTimeAsync(0);
    // A catch-up on connecting (what landed before the stream was subscribed), then the event itself.
    expect(events).toEqual(["up:true", "event", "event"]);

    // Heartbeats every 20 s keep it open well past the silence limit.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(20_000);
      connections[0]!.push(": heartbeat\n\n");
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(connections).toHaveLength(1);
    expect(connections[0]!.aborted()).toBe(false);

    // Then nothing at all: dropped, and a new stream resumes after event 41.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connections[0]!.aborted()).toBe(true);
    expect(connections).toHaveLength(2);
    expect(connections[1]!.headers["Last-Event-ID"]).toBe("41");
    expect(events).toEqual(["up:true", "event", "event", "up:false", "up:true", "event"]);
    stop();
  });
});
