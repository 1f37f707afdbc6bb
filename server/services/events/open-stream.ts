import type { LiveFollower } from "../../access/live-scope.js";
import type { LiveHub } from "./live-hub.js";
import { sseFrame } from "./live-event.js";
import { whenDraining } from "../../observability/lifecycle.js";

/** A stream is closed after this long; the client reconnects with Last-Event-ID (so proxies and leaks stay bounded). */
const MAX_AGE_MS = 30 * 60_000;
/** Bytes queued for a client that does not read; beyond it the stream is dropped (it resumes on reconnect). */
const MAX_BUFFERED = 256 * 1024;

const encoder = new TextEncoder();

/**
 * The text/event-stream body for one follower: a retry hint, the replay after `lastEventId`, then live frames and
 * heartbeats. `onClose` runs once, whoever ends it (client, age limit, slow reader, shutdown).
 */
export async function openStream(input: {
  hub: LiveHub;
  follower: LiveFollower;
  lastEventId?: number;
  onClose: () => void;
}): Promise<ReadableStream<Uint8Array>> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let ageTimer: ReturnType<typeof setTimeout> | undefined;
  let forgetDrain: (() => void) | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(ageTimer);
    forgetDrain?.();
    unsubscribe?.();
    input.onClose();
    try {
      controller.close();
    } catch {
      // Already cancelled by the client.
    }
  };
  const send = (text: string): boolean => {
    if (closed) return false;
    if ((controller.desiredSize ?? 0) < -MAX_BUFFERED) {
      close();
      return false;
    }
    controller.enqueue(encoder.encode(text));
    return true;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        c.enqueue(encoder.encode("retry: 2000\n: connected\n\n"));
      },
      cancel: close,
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  try {
    unsubscribe = await input.hub.subscribe(
      {
        follower: input.follower,
        write: (row) => send(sseFrame(input.follower, row)),
        reset: () => send("event: reset\ndata: {}\n\n"),
        heartbeat: () => send(": heartbeat\n\n"),
      },
      input.lastEventId,
    );
  } catch (error) {
    close();
    throw error;
  }
  if (closed) unsubscribe();
  else forgetDrain = whenDraining(close);
  ageTimer = setTimeout(close, MAX_AGE_MS);
  ageTimer.unref?.();
  return stream;
}
