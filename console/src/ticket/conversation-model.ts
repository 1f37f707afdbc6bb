import { signal } from "@preact/signals";
import type { Message } from "../../../shared/index.js";
import { api, ApiError, isAbort } from "../api.js";
import { announce } from "../keyboard/announcer.js";
import { followLive, liveConnected } from "../live.js";

/** How often an open ticket checks for new messages while the live stream is down. */
const REFRESH_MS = 5000;

/** The ticket's conversation: messages, and a composer that sends a public reply or an internal note. */
export function createConversationModel(ticketId: string, onSent?: () => void) {
  const messages = signal<Message[]>([]);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);
  const draft = signal("");
  const internal = signal(false);
  const sending = signal(false);
  const sendError = signal<ApiError | null>(null);
  let controller = new AbortController();

  async function load(): Promise<void> {
    try {
      const list = await api.listMessages(ticketId, controller.signal);
      // New customer messages while the ticket is open are read out politely, not only drawn.
      if (loaded.value) {
        const known = new Set(messages.value.map((m) => m.id));
        const fresh = list.filter((m) => !known.has(m.id) && m.authorType === "customer");
        if (fresh.length === 1) announce(`New message from ${fresh[0]!.authorName}: ${fresh[0]!.body.slice(0, 140)}`);
        else if (fresh.length > 1) announce(`${fresh.length} new messages from the customer`);
      }
      messages.value = list;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (isAbort(caught)) return;
      error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    }
  }

  async function send(): Promise<void> {
    const body = draft.value.trim();
    if (!body || sending.value) return;
    sending.value = true;
    sendError.value = null;
    try {
      const message = await api.postMessage(ticketId, { body, internal: internal.value });
      messages.value = [...messages.value.filter((m) => m.id !== message.id), message];
      draft.value = "";
      announce(message.internal ? "Internal note added" : "Reply sent to the customer");
      onSent?.();
    } catch (caught) {
      // The draft stays, so nothing the agent typed is lost.
      sendError.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    } finally {
      sending.value = false;
    }
  }

  return {
    messages,
    loaded,
    error,
    draft,
    internal,
    sending,
    sendError,
    send,
    load,
    /** Loads, then refreshes while the ticket is open; returns the teardown. */
    start(): () => void {
      void load();
      const stopLive = followLive((m) => {
        if (m.name === "reset" || (m.name === "message.created" && m.data.ticketId === ticketId)) void load();
      });
      const timer = setInterval(() => {
        if (!liveConnected.value) void load();
      }, REFRESH_MS);
      return () => {
        stopLive();
        clearInterval(timer);
        controller.abort();
        controller = new AbortController();
      };
    },
  };
}
export type ConversationModel = ReturnType<typeof createConversationModel>;
