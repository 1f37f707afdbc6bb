/**
 * The customer's conversations, kept fresh: loads the list once, then polls `updates` every few seconds while the
 * page is visible (once a minute while it is hidden), merges new public replies (de-duplicated by id: polls
 * overlap) and status changes, and counts unread support replies for the launcher's badge.
 */
import type { CustomerConversationList, CustomerMessage } from "../../shared/customer-api.js";
import type { CustomerFeedback } from "../../shared/metrics.js";
import { ApiError } from "../transport/api-error.js";
import {
  fetchConversations,
  fetchFeedbackState,
  fetchOlder,
  fetchUpdates,
  postFeedback,
  postReply,
  type Caller,
} from "./client.js";
import { lastReadOf, markReadUpTo, readKey, rememberNoConversations, uploadTokenOf } from "./follow-state.js";
import { startLive } from "./live.js";
import { uuid } from "../transport/uuid.js";

export type Conversation = CustomerConversationList["conversations"][number];

const VISIBLE_MS = 5_000;
const HIDDEN_MS = 60_000;
const MAX_BACKOFF_MS = 120_000;
/** A reply meeting a dropped connection or a server hiccup is tried again this many times (1 s, then 2 s apart). */
const REPLY_ATTEMPTS = 3;
const DRAFTS = "handoff-replies";
const readDrafts = (): Record<string, string> => {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFTS) || "{}") ?? {};
  } catch {
    return {};
  }
};

export interface ConversationStore {
  /** Newest activity first; empty until the first load. */
  list(): Conversation[];
  loaded(): boolean;
  unread(ticketId?: string): number;
  /** The customer has seen this thread: its replies no longer count as unread. */
  markRead(ticketId: string): void;
  /** Reloads the list (after a ticket was filed, or identify()). */
  refresh(): Promise<void>;
  /** Sends a reply; offline, it waits for the connection and tells `onOffline` while it does. */
  reply(ticketId: string, body: string, onOffline?: (waiting: boolean) => void): Promise<CustomerMessage>;
  /** The reply being typed in a thread: kept while the dialog is closed and reopened, until it is sent. */
  draft(ticketId: string): string;
  setDraft(ticketId: string, text: string): void;
  /** Loads the page of a thread before what is shown (the list carries only each thread's newest messages). */
  older(ticketId: string): Promise<void>;
  /** Whether to ask the feedback questions; false when this browser has no upload token for the ticket. */
  feedbackWanted(ticketId: string): Promise<boolean>;
  sendFeedback(ticketId: string, answers: CustomerFeedback): Promise<void>;
  stop(): void;
  /** Who is calling, for the thread's attachments (widget/conversation/attachments.ts). */
  caller: Caller;
}

export function startConversations(caller: Caller, onChange: () => void): ConversationStore {
  let conversations: Conversation[] = [];
  let loaded = false;
  let cursor: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  // The live stream replaces the visible-page poll once there is something to follow (see live.ts).
  let stopLive: (() => void) | undefined;
  let liveUp = false;

  /** The reply being sent per ticket and its Idempotency-Key: sent again with the same words, it reuses the key. */
  const sending = new Map<string, { body: string; key: string }>();
  // Unsent replies, per tab as the form's draft (Dialog.tsx): a reload in the middle of a long reply keeps it.
  const drafts = new Map<string, string>(Object.entries(readDrafts()));

  async function postOnce(
    ticketId: string,
    body: string,
    onOffline?: (waiting: boolean) => void,
  ): Promise<CustomerMessage> {
    const held = sending.get(ticketId);
    const key = held?.body === body ? held.key : uuid();
    sending.set(ticketId, { body, key });
    for (let attempt = 1; ; attempt++) {
      try {
        const message = await postReply(caller, ticketId, body, key);
        if (sending.get(ticketId)?.key === key) sending.delete(ticketId);
        return message;
      } catch (error) {
        // Only what may pass on its own (offline, 5xx, 429); the key makes the retry safe if the first one landed.
        if (!(error instanceof ApiError) || !error.retryable) throw error;
        // The browser knows it is offline (a train, a lift): the reply goes out when the connection is back, as a
        // chat app's would, instead of failing after a few seconds and waiting for the customer to press Send again.
        if (error.status === 0 && !navigator.onLine && !stopped) {
          onOffline?.(true);
          await backOnline();
          onOffline?.(false);
          if (stopped) throw error;
          attempt = 0;
          continue;
        }
        // Stalled: another try would wait as long; the customer hears now, the words stay in the box for Send.
        if (attempt >= REPLY_ATTEMPTS || error.code === "stalled") throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }

  const backOnline = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        removeEventListener("online", done);
        clearInterval(check);
        resolve();
      };
      addEventListener("online", done);
      // Some browsers miss the event (a captive portal, a VPN coming up): look again now and then; stop() ends it.
      const check = setInterval(() => (navigator.onLine || stopped) && done(), 5000);
    });

  const sort = () => conversations.sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1));

  /** Adds messages not seen yet; a message for a ticket we do not know means a reload (filed on another device). */
  function merge(messages: CustomerMessage[]): boolean {
    let unknown = false;
    for (const m of messages) {
      const c = conversations.find((x) => x.id === m.ticketId);
      if (!c) unknown = true;
      else if (!c.messages.some((x) => x.id === m.id)) {
        // Updates look back a few seconds: one older than the thread's shown page belongs to an earlier page (Show
        // earlier messages), not after the newest; one that committed late goes in its place.
        if (c.olderCursor && c.messages[0] && m.createdAt < c.messages[0].createdAt) continue;
        const at = c.messages.findIndex((x) => x.createdAt > m.createdAt);
        c.messages.splice(at < 0 ? c.messages.length : at, 0, m);
        if (m.createdAt > c.lastActivityAt) c.lastActivityAt = m.createdAt;
      }
    }
    sort();
    return unknown;
  }

  async function load() {
    // The cursor first: a reply landing between the two calls is then in the next poll, not lost.
    cursor = (await fetchUpdates(caller)).cursor;
    const before = conversations;
    conversations = (await fetchConversations(caller)).conversations;
    // Earlier pages the customer opened stay on screen across a reload.
    for (const c of conversations) {
      const old = before.find((x) => x.id === c.id);
      const first = c.messages[0];
      if (!old || !first || !c.olderCursor) continue;
      const earlier = old.messages.filter(
        (m) => m.createdAt < first.createdAt && !c.messages.some((x) => x.id === m.id),
      );
      if (earlier.length) {
        c.messages.unshift(...earlier);
        c.olderCursor = old.olderCursor;
      }
    }
    loaded = true;
    // A verified user with nothing to follow: the next pages need not download and poll (until it expires).
    const { id, userHash, jwt } = caller.identity();
    rememberNoConversations(caller.siteKey, userHash || jwt ? id : undefined, !conversations.length);
    sort();
    if (conversations.length && !stopLive) {
      stopLive = startLive(caller, {
        onEvent: () => {
          clearTimeout(timer);
          timer = undefined;
          void poll();
        },
        onState: (up) => {
          liveUp = up;
          if (up) clearTimeout(timer);
          if (up) timer = undefined;
          else schedule();
        },
      });
    }
  }

  async function poll() {
    timer = undefined;
    if (stopped) return;
    try {
      if (!cursor) await load();
      else {
        const updates = await fetchUpdates(caller, cursor);
        cursor = updates.cursor;
        let reload = merge(updates.messages);
        for (const t of updates.tickets) {
          const c = conversations.find((x) => x.id === t.id);
          if (c) c.status = t.status;
          else reload = true;
        }
        if (reload) await load();
      }
      failures = 0;
      if (!stopped) onChange();
    } catch (error) {
      // No identity and no browser token (storage blocked): nothing to follow.
      if (error instanceof ApiError && error.status === 401) return;
      failures++;
    }
    schedule();
  }

  function schedule() {
    if (stopped || timer || liveUp) return;
    // No conversation yet (a verified user who never wrote in): just check now and then.
    const base = document.hidden || !conversations.length ? HIDDEN_MS : VISIBLE_MS;
    timer = setTimeout(poll, failures ? Math.min(MAX_BACKOFF_MS, base * 2 ** failures) : base);
  }

  // Back on the page: catch up at once instead of waiting out the hidden-page interval.
  const onVisibility = () => {
    if (document.hidden || !timer) return;
    clearTimeout(timer);
    timer = undefined;
    void poll();
  };
  document.addEventListener("visibilitychange", onVisibility);
  // Read in another tab of the site: repaint, or this tab's launcher keeps counting what the customer has seen.
  const onStorage = (e: StorageEvent) => e.key === readKey(caller.siteKey) && onChange();
  addEventListener("storage", onStorage);
  void poll();

  // A reply the customer answered (here, on another device or by email) has been read, whatever this browser kept.
  const unreadIn = (c: Conversation, read: Record<string, string>) => {
    let n = 0;
    for (let i = c.messages.length; i--; ) {
      const m = c.messages[i];
      if (m.authorType === "customer" || m.createdAt <= (read[c.id] || "")) break;
      n++;
    }
    return n;
  };

  return {
    list: () => conversations,
    loaded: () => loaded,
    unread(ticketId) {
      const read = lastReadOf(caller.siteKey);
      return conversations.reduce((n, c) => n + (!ticketId || c.id === ticketId ? unreadIn(c, read) : 0), 0);
    },
    markRead(ticketId) {
      const c = conversations.find((x) => x.id === ticketId);
      const newest = c?.messages[c.messages.length - 1];
      if (!newest || !unreadIn(c, lastReadOf(caller.siteKey))) return;
      markReadUpTo(caller.siteKey, ticketId, newest.createdAt);
      onChange();
    },
    async refresh() {
      clearTimeout(timer);
      timer = undefined;
      try {
        await load();
        onChange();
      } finally {
        schedule(); // at the pace for a non-empty list now
      }
    },
    async reply(ticketId, body, onOffline) {
      const message = await postOnce(ticketId, body, onOffline);
      merge([message]);
      const c = conversations.find((x) => x.id === ticketId);
      // A reply reopens a pending or resolved ticket (server side); show it without waiting for the poll.
      if (c && (c.status === "pending" || c.status === "resolved")) c.status = "open";
      onChange();
      return message;
    },
    draft: (ticketId) => drafts.get(ticketId) ?? "",
    setDraft(ticketId, text) {
      if (text) drafts.set(ticketId, text);
      else drafts.delete(ticketId);
      try {
        sessionStorage.setItem(DRAFTS, JSON.stringify(Object.fromEntries(drafts)));
      } catch {} // storage off: the draft lives as long as the page
    },
    async older(ticketId) {
      const c = conversations.find((x) => x.id === ticketId);
      if (!c?.olderCursor) return;
      const page = await fetchOlder(caller, ticketId, c.olderCursor);
      c.messages.unshift(...page.messages.filter((m) => !c.messages.some((x) => x.id === m.id)));
      c.olderCursor = page.olderCursor;
      onChange();
    },
    async feedbackWanted(ticketId) {
      const token = uploadTokenOf(caller.siteKey, ticketId);
      return !!token && (await fetchFeedbackState(caller, ticketId, token)).eligible;
    },
    async sendFeedback(ticketId, answers) {
      await postFeedback(caller, ticketId, uploadTokenOf(caller.siteKey, ticketId) || "", answers);
    },
    caller,
    stop() {
      stopped = true;
      stopLive?.();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      removeEventListener("storage", onStorage);
    },
  };
}
