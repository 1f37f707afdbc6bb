import { effect, signal } from "@preact/signals";
import { LIMITS, type Message } from "../../../shared/index.js";
import { api, ApiError, isAbort } from "../api.js";
import { announce } from "../keyboard/announcer.js";
import { followLive, liveConnected } from "../live.js";
import { session } from "../session.js";
import { readDraft, saveDraft } from "./reply-drafts.js";

/** How often an open ticket checks for new messages while the live stream is down. */
const REFRESH_MS = 5000;

/** The ticket's conversation: messages, and a composer that sends a public reply or an internal note. */
export function createConversationModel(ticketId: string, onSent?: () => void) {
  const messages = signal<Message[]>([]);
  /** Pages before the newest one that the agent asked for ("Show earlier messages"), oldest first. */
  let earlier: Message[] = [];
  /** Where the page before the oldest loaded message starts; null when the first message is loaded. */
  const olderCursor = signal<string | null>(null);
  const loadingOlder = signal(false);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);
  const saved = readDraft(ticketId);
  const draft = signal(saved.text);
  const internal = signal(saved.internal);
  const sending = signal(false);
  const sendError = signal<ApiError | null>(null);
  /** A colleague's public reply that crossed the agent's (409 reply_conflict): the draft is held until they decide. */
  const collision = signal<Collision | null>(null);
  /** The message last sent and its Idempotency-Key: the same words sent again (after a lost answer) reuse it. */
  let attempt: { body: string; internal: boolean; key: string } | undefined;
  let controller = new AbortController();

  async function load(): Promise<void> {
    try {
      const newest = await api.listMessages(ticketId, { signal: controller.signal });
      const inNewest = new Set(newest.messages.map((m) => m.id));
      const list = [...earlier.filter((m) => !inNewest.has(m.id)), ...newest.messages];
      if (earlier.length === 0) olderCursor.value = newest.olderCursor;
      // New messages while the ticket is open are read out politely, not only drawn: the customer's, and a
      // colleague's reply or note (one writing here at the same time heard nothing of "I'm taking this one").
      if (loaded.value) {
        const known = new Set(messages.value.map((m) => m.id));
        // The agent's own (a send whose answer is still on its way) is read by the send itself.
        const me = session.value.kind === "signed-in" ? session.value.agent.id : null;
        const fresh = list.filter((m) => !known.has(m.id) && (m.agentId === null || m.agentId !== me));
        const fromCustomer = fresh.filter((m) => m.authorType === "customer");
        if (fresh.length === 1) announce(`${arrived(fresh[0]!)}: ${fresh[0]!.body.slice(0, 140)}`);
        else if (fresh.length > 1)
          announce(
            fromCustomer.length === fresh.length
              ? `${fresh.length} new messages from the customer`
              : `${fresh.length} new messages`,
          );
      }
      messages.value = list;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (isAbort(caught)) return;
      error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    }
  }

  async function loadOlder(): Promise<void> {
    const before = olderCursor.value;
    if (!before || loadingOlder.value) return;
    loadingOlder.value = true;
    try {
      const page = await api.listMessages(ticketId, { before, signal: controller.signal });
      const known = new Set(messages.value.map((m) => m.id));
      const added = page.messages.filter((m) => !known.has(m.id));
      earlier = [...added, ...earlier];
      messages.value = [...added, ...messages.value];
      olderCursor.value = page.olderCursor;
      announce(`${added.length} earlier ${added.length === 1 ? "message" : "messages"} shown`);
    } catch (caught) {
      if (isAbort(caught)) return;
      error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    } finally {
      loadingOlder.value = false;
    }
  }

  async function send(): Promise<void> {
    const body = draft.value.trim();
    if (!body || sending.value) return;
    sendError.value = null;
    // Said before sending, in the composer's words: the server's 422 named the API field ("body at most 10000").
    if (body.length > LIMITS.messageBody) {
      const what = internal.value ? "This note" : "This reply";
      const over = (body.length - LIMITS.messageBody).toLocaleString("en");
      sendError.value = new ApiError(
        422,
        "validation_failed",
        `${what} is ${over} characters too long: one message holds at most ${LIMITS.messageBody.toLocaleString("en")}. Shorten it, or send it in two parts.`,
      );
      return;
    }
    sending.value = true;
    const same = attempt && attempt.body === body && attempt.internal === internal.value;
    const key = same && attempt ? attempt.key : randomKey();
    attempt = { body, internal: internal.value, key };
    // The newest message on screen: a colleague's reply after it holds this one (null: the thread looked empty).
    const seen = messages.value.at(-1)?.id ?? null;
    try {
      const lastSeenMessageId = internal.value ? undefined : seen;
      const message = await api.postMessage(ticketId, { body, internal: internal.value, lastSeenMessageId }, key);
      attempt = undefined;
      collision.value = null;
      messages.value = [...messages.value.filter((m) => m.id !== message.id), message];
      draft.value = "";
      announce(message.internal ? "Internal note added" : "Reply sent to the customer");
      onSent?.();
    } catch (caught) {
      // The draft stays, so nothing the agent typed is lost.
      if (caught instanceof ApiError && caught.code === "reply_conflict") {
        await load(); // Shows the colleague's reply; sending again now counts it as seen ("Send anyway").
        collision.value = colleagueReplyAfter(messages.value, seen) ?? { name: null, at: null, text: caught.message };
        announce(
          collision.value.name
            ? `${collision.value.name} replied to the customer. Your reply was not sent`
            : caught.message,
        );
        return;
      }
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
    collision,
    send,
    load,
    olderCursor,
    loadingOlder,
    loadOlder,
    /** Loads, then refreshes while the ticket is open; returns the teardown. */
    start(): () => void {
      void load();
      const stopLive = followLive((m) => {
        if (m.name === "reset" || (m.name === "message.created" && m.data.ticketId === ticketId)) void load();
      });
      const timer = setInterval(() => {
        if (!liveConnected.value) void load();
      }, REFRESH_MS);
      const stopSaving = effect(() => saveDraft(ticketId, draft.value, internal.value));
      return () => {
        stopSaving();
        stopLive();
        clearInterval(timer);
        controller.abort();
        controller = new AbortController();
      };
    },
  };
}
export type ConversationModel = ReturnType<typeof createConversationModel>;

/** Who answered the customer while the agent was writing; text is the server's words when the thread can't tell. */
export interface Collision {
  name: string | null;
  at: string | null;
  text?: string;
}

/** The newest colleague's public reply after the message the agent had seen (null: the whole thread). */
function colleagueReplyAfter(list: Message[], seen: string | null): Collision | undefined {
  const from = seen === null ? 0 : list.findIndex((m) => m.id === seen) + 1;
  if (seen !== null && from === 0) return undefined;
  const reply = list
    .slice(from)
    .filter((m) => m.authorType === "agent" && !m.internal)
    .at(-1);
  return reply && { name: reply.authorName, at: reply.createdAt };
}

/** A random key; crypto.randomUUID needs a secure context, and a console may be served over plain http inside a LAN. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** How a message that just arrived is read out, before its words. */
function arrived(message: Message): string {
  if (message.authorType === "customer") return `New message from ${message.authorName}`;
  return message.internal
    ? `${message.authorName} added an internal note`
    : `${message.authorName} replied to the customer`;
}
