/**
 * Wires capture, the recorder, the UI and the transport together behind the public API. Shared by the script tag
 * (app.ts) and the ESM entry (esm.ts). Only the launcher is on the critical path: capture starts from its own chunk
 * right away, the recorder loads once the page is idle, the form and the transport when needed.
 */
import type { Identity, Metadata } from "../shared/context.js";
import type { HandoffApi, HandoffEvents } from "./api.js";
import type { Capture } from "./capture/index.js";
import { hasConversationsLocally } from "./conversation/known.js";
import type { WidgetConfig } from "./config.js";
import type { Recorder } from "./recorder/index.js";
import { mountUi, type MountedUi } from "./ui/mount.js";
import { loadStrings, localeFor } from "./ui/strings.js";
import type { ConversationView, UiController } from "./ui/types.js";

const EVENT_FULL_SNAPSHOT = 2;

/** Runs `fn` once the page has loaded and the main thread is idle (or after a timeout): off the critical path. */
function whenIdle(fn: () => void): () => void {
  let cancelled = false;
  const go = () => !cancelled && fn();
  const run = () =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(go, { timeout: 3000 }) : setTimeout(go, 1000);
  if (document.readyState === "complete") run();
  else addEventListener("load", run, { once: true });
  return () => {
    cancelled = true;
    removeEventListener("load", run);
  };
}

export function createHandoff(config: WidgetConfig): HandoffApi {
  // English is in the launcher chunk; another language is one small fetch before the launcher shows.
  const locale = localeFor(config.locale, navigator.languages || []);
  const stringsReady = loadStrings(locale, config.texts);
  let openWhenMounted = false;
  const ownApi = `${config.apiOrigin}/api/v1/widget/`;
  let identity: Identity = {};
  let metadata: Metadata = {};
  let openedAt: number | undefined;
  let capture: Capture | undefined;
  let recorder: Recorder | undefined;
  let ui: MountedUi | undefined;
  let stopped = false;
  let conversations: ConversationView | undefined;
  let following: Promise<void> | undefined;
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const emit = <K extends keyof HandoffEvents>(event: K, payload: HandoffEvents[K]) => {
    listeners.get(event)?.forEach((cb) => {
      try {
        (cb as (p: HandoffEvents[K]) => void)(payload);
      } catch (error) {
        setTimeout(() => {
          throw error; // surface the host app's bug without breaking our flow
        });
      }
    });
  };

  import("./capture/index.js").then(({ startCapture }) => {
    if (stopped) return;
    capture = startCapture({
      isOwnEvent: (event) => !!ui && event.composedPath().includes(ui.host),
      isOwnUrl: (url) => url.startsWith(ownApi),
    });
  });

  const cancelRecorder = whenIdle(() => {
    import("./recorder/index.js").then(
      ({ startRecorder }) => {
        if (stopped) return;
        recorder = startRecorder({
          windowSeconds: config.windowSeconds,
          maxBytes: config.maxRecordingBytes,
          maskInputs: config.maskInputs,
        });
      },
      (error) => console.warn("[Handoff] recording unavailable", error),
    );
  });

  /**
   * Downloads the conversation chunk and starts following the customer's conversations (replies, unread badge);
   * once per page. Only for visitors with something to follow, so a first-time visitor never downloads it.
   */
  const follow = () =>
    (following ||= import("./conversation/index.js")
      .then(async ({ followConversations }) => {
        if (stopped) return;
        const caller = { apiOrigin: config.apiOrigin, siteKey: config.siteKey, identity: () => identity };
        const view = await followConversations(caller, locale, config.texts, () =>
          ui?.setUnread(conversations?.store.unread() ?? 0),
        );
        if (stopped) return view.store.stop();
        conversations = view;
        ui?.setUnread(view.store.unread()); // repaints: the dialog gets its tabs and threads
      })
      .catch(() => void (following = undefined)));
  const hasConversations = () => hasConversationsLocally(config.siteKey, identity);

  /** The buffered recording, or nothing if it has no full snapshot yet (not replayable). */
  const recordingEvents = () => {
    const events = recorder?.getEvents() ?? [];
    return events.some((e) => e.type === EVENT_FULL_SNAPSHOT) ? events : [];
  };

  const ctrl: UiController = {
    strings: undefined as never, // set before the UI mounts (see mount)
    windowSeconds: config.windowSeconds,
    defaultEmail: () => identity.email || "",
    preview(includeRecording) {
      const snapshot = capture?.snapshot();
      const duration = includeRecording && recorder && recordingEvents().length ? recorder.durationMs() : null;
      return {
        page: capture ? capture.pagePath() : location.pathname,
        clicks: snapshot?.clicks.length ?? 0,
        errors: (snapshot?.console.filter((c) => c.level === "error").length ?? 0) + (snapshot?.network.length ?? 0),
        recordingSeconds: duration === null ? null : Math.max(1, Math.round(duration / 1000)),
      };
    },
    async submit(values, onProgress) {
      const events = values.includeRecording ? recordingEvents() : [];
      const { sendTicket } = await import("./submit.js");
      return sendTicket({
        config,
        values,
        identity,
        metadata,
        openedAt,
        capture,
        events,
        onProgress,
        onCreated: (created) => {
          emit("ticket:created", { id: created.id, reference: created.reference });
          void import("./attachments/upload.js").then((m) => m.uploadDraftAttachments(config.apiOrigin, created));
          if (conversations) void conversations.store.refresh().catch(() => undefined);
          else void follow();
        },
      });
    },
    conversations: () => conversations,
    onOpenChange(open) {
      if (open) {
        openedAt = Date.now();
        // A verified user may have filed elsewhere (the "none" note may be stale): opening the widget checks.
        if (hasConversations() || identity.userHash) void follow();
      }
      emit(open ? "open" : "close", undefined);
    },
  };

  // Tickets a previous page (or this one, while offline) could not send: retried once idle and when back online.
  const flush = () => {
    if (!stopped)
      import("./transport/deliver.js").then(
        ({ flushOutbox }) => void (stopped || flushOutbox(config)),
        () => undefined,
      );
  };
  const cancelFlush = whenIdle(flush);
  addEventListener("online", flush);

  const mount = () =>
    void stringsReady.then((strings) => {
      if (stopped || ui || !document.body) return;
      ctrl.strings = strings;
      ui = mountUi(ctrl, { color: config.color || "#4f46e5", left: config.position === "bottom-left" });
      if (openWhenMounted) ui.setOpen(true);
      whenIdle(() => (ui?.preload(), hasConversations() && follow()));
    });
  if (document.body) mount();
  else addEventListener("DOMContentLoaded", mount, { once: true });

  return {
    open: () => {
      openWhenMounted = !ui;
      if (ui) ui.setOpen(true);
      else mount();
    },
    close: () => {
      openWhenMounted = false;
      ui?.setOpen(false);
    },
    // Cleaned (known fields, server limits) when a ticket is sent: see submit.ts.
    identify: (input) => {
      const before = identity.id;
      identity = input && typeof input === "object" ? { ...input } : {};
      // Another person (or a login): their conversations, not the previous ones.
      if (conversations && identity.id !== before) void conversations.store.refresh().catch(() => undefined);
      else if (!conversations && ui && hasConversations()) void follow();
    },
    setMetadata: (input) => {
      if (input && typeof input === "object") metadata = { ...metadata, ...input };
    },
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      const set = listeners.get(event)!;
      set.add(callback as (payload: never) => void);
      return () => set.delete(callback as (payload: never) => void);
    },
    shutdown() {
      if (stopped) return;
      stopped = true;
      cancelRecorder();
      cancelFlush();
      removeEventListener("online", flush);
      recorder?.stop();
      recorder = undefined;
      conversations?.store.stop();
      conversations = undefined;
      capture?.stop();
      capture = undefined;
      ui?.unmount();
      ui = undefined;
      identity = {};
      metadata = {};
      listeners.clear();
      removeEventListener("DOMContentLoaded", mount);
    },
  };
}
