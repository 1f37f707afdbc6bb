/**
 * The console's one live connection: an EventSource on /api/v1/events (contract: shared/events-api.ts), opened
 * while some screen follows it and shared by all of them. EventSource reconnects by itself with Last-Event-ID, so
 * nothing is missed; when the server refuses (429, 401) it retries after a pause, resuming from the last id seen.
 * Screens keep a slow poll only while `liveConnected` is false.
 */
import { signal } from "@preact/signals";
import { type AgentLiveEvent, EVENTS_PATHS, LIVE_EVENTS, type LiveEventName } from "../../shared/events-api.js";

export type LiveMessage = { name: LiveEventName; data: AgentLiveEvent } | { name: "reset"; data: null };
type Listener = (message: LiveMessage) => void;

const RETRY_MS = 10_000;
/** Moving between screens closes and reopens followers: keep the stream that long. */
const LINGER_MS = 5_000;

export const liveConnected = signal(false);
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let lastEventId = "";
let retry: ReturnType<typeof setTimeout> | undefined;
let linger: ReturnType<typeof setTimeout> | undefined;

function emit(message: LiveMessage) {
  for (const fn of [...listeners]) fn(message);
}

function open() {
  clearTimeout(retry);
  retry = undefined;
  if (source || typeof EventSource === "undefined") return;
  const url = EVENTS_PATHS.agent + (lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : "");
  const es = new EventSource(url);
  source = es;
  es.onopen = () => {
    liveConnected.value = true;
    // Opened without an event id (the first connection, or the browser's own retry before any event came): the
    // server starts at its "now", so what happened between a screen's first read and this moment would never show.
    // Followers read once more.
    if (!lastEventId) emit({ name: "reset", data: null });
  };
  es.onerror = () => {
    liveConnected.value = false;
    if (es.readyState !== EventSource.CLOSED) return; // reconnecting by itself
    source = null;
    if (listeners.size) retry = setTimeout(open, RETRY_MS);
  };
  for (const name of LIVE_EVENTS) {
    es.addEventListener(name, (event) => {
      const e = event as MessageEvent<string>;
      if (e.lastEventId) lastEventId = e.lastEventId;
      emit({ name, data: JSON.parse(e.data) as AgentLiveEvent });
    });
  }
  es.addEventListener("reset", () => emit({ name: "reset", data: null }));
}

function close() {
  source?.close();
  source = null;
  clearTimeout(retry);
  retry = undefined;
  liveConnected.value = false;
}

/** Calls `fn` for every live event (and "reset": reload everything) while subscribed; returns the unsubscribe. */
export function followLive(fn: Listener): () => void {
  listeners.add(fn);
  clearTimeout(linger);
  open();
  return () => {
    listeners.delete(fn);
    if (!listeners.size) linger = setTimeout(close, LINGER_MS);
  };
}

/** Runs `fn` at most once per `ms`, trailing: a burst of events (a triage after a creation) is one reload. */
export function coalesce(fn: () => void, ms = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
}
