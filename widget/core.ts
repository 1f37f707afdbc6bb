/**
 * Wires capture, the recorder, the UI and the transport together behind the public API. Shared by the script tag
 * (app.ts) and the ESM entry (esm.ts). Only the launcher is on the critical path: capture starts from its own chunk
 * right away, the recorder loads once the page is idle, the form and the transport when needed.
 */
import type { Identity, Metadata } from "../shared/context.js";
import type { HandoffApi, HandoffEvents } from "./api.js";
import type { Capture } from "./capture/index.js";
import type { WidgetConfig } from "./config.js";
import { hasConversationsLocally } from "./conversation/known.js";
import type { Recorder } from "./recorder/index.js";
import { outboxMayHoldItems } from "./transport/outbox-flag.js";
import { type MountedUi, mountUi } from "./ui/mount.js";
import { type LauncherStrings, loadStrings, localeFor, type Strings } from "./ui/strings.js";
import type { ConversationView, UiController } from "./ui/types.js";

/** What one widget instance holds while it runs; the pieces below read and fill it. */
interface Session {
  config: WidgetConfig;
  identity: Identity;
  metadata: Metadata;
  openedAt: number | undefined;
  capture: Capture | undefined;
  recorder: Recorder | undefined;
  ui: MountedUi | undefined;
  conversations: ConversationView | undefined;
  stopped: boolean;
  /** Called once the launcher is mounted: starts what may wait until then. */
  afterLauncher(): void;
}

type Emit = <K extends keyof HandoffEvents>(event: K, payload: HandoffEvents[K]) => void;

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

/**
 * Capture once the launcher shows (afterLauncher), the recorder when idle, the outbox retry (only when something waits in it) when
 * idle and when back online. Returns the stop.
 */
function startBackground(s: Session): () => void {
  const { config } = s;
  const ownApi = `${config.apiOrigin}/api/v1/widget/`;
  let started = false;
  const startCapturing = () => {
    if (started || s.stopped) return;
    started = true;
    import("./capture/index.js").then(({ startCapture }) => {
      if (s.stopped) return;
      s.capture = startCapture({
        isOwnEvent: (event) => !!s.ui && event.composedPath().includes(s.ui.host),
        isOwnUrl: (url) => url.startsWith(ownApi),
      });
    });
  };
  // After the launcher's first paint (a frame, then a task), so nothing but the launcher is on its critical path;
  // a hidden tab paints no frames, hence the timeout.
  s.afterLauncher = () => {
    requestAnimationFrame(() => setTimeout(startCapturing));
    setTimeout(startCapturing, 500);
  };
  const cancelRecorder = whenIdle(() => {
    import("./recorder/index.js").then(
      ({ startRecorder }) => {
        if (s.stopped) return;
        s.recorder = startRecorder({
          windowSeconds: config.windowSeconds,
          maxBytes: config.maxRecordingBytes,
          maskInputs: config.maskInputs,
          maskText: config.textMasking,
        });
      },
      (error) => console.warn("[Handoff] recording unavailable", error),
    );
  });
  // Tickets a previous page (or this one, while offline) could not send: the same delivery as a first try.
  const flush = () => {
    if (!s.stopped && outboxMayHoldItems())
      import("./submit.js").then(
        ({ retryOutbox }) => void (s.stopped || retryOutbox(config)),
        () => undefined,
      );
  };
  const cancelFlush = whenIdle(flush);
  addEventListener("online", flush);
  return () => {
    cancelRecorder();
    cancelFlush();
    removeEventListener("online", flush);
    s.recorder?.stop();
    s.recorder = undefined;
    s.capture?.stop();
    s.capture = undefined;
  };
}

/** What the UI may ask of the core: plain data in, plain data out. */
function createController(
  s: Session,
  emit: Emit,
  follow: () => void,
  hasConversations: () => boolean,
  words: { locale: string; launcher: Promise<LauncherStrings> },
): UiController {
  let formStrings: Promise<Strings> | undefined;
  // The form's preview and Send (submit.ts) come with the form chunk, as its words do; the dialog (which asks for a
  // preview as it renders) shows only once both are here.
  let ticket: typeof import("./submit.js") | undefined;
  return {
    strings: undefined as never, // set before the UI mounts (see mount)
    formStrings() {
      if (!formStrings) {
        const loading = Promise.all([words.launcher, import("./ui/strings-form.js"), import("./submit.js")]).then(
          ([launcher, form, submit]) => {
            ticket = submit;
            return form.loadFormStrings(words.locale, s.config.texts).then((more) => ({ ...launcher, ...more }));
          },
        );
        // A failed fetch is retried at the next intent.
        loading.catch(() => {
          if (formStrings === loading) formStrings = undefined;
        });
        formStrings = loading;
      }
      return formStrings;
    },
    windowSeconds: s.config.windowSeconds,
    defaultEmail: () => s.identity.email || "",
    preview: (includeRecording) => ticket!.previewTicket(s, includeRecording),
    submit: (values, onProgress) =>
      ticket!.submitTicket(s, values, onProgress, (created) => {
        emit("ticket:created", { id: created.id, reference: created.reference });
        if (s.conversations) void s.conversations.store.refresh().catch(() => undefined);
        else follow();
      }),
    conversations: () => s.conversations,
    onOpenChange(open) {
      if (open) {
        s.openedAt = Date.now();
        // A verified user may have filed elsewhere (the "none" note may be stale): opening the widget checks.
        if (hasConversations() || s.identity.userHash || s.identity.jwt) follow();
      }
      emit(open ? "open" : "close", undefined);
    },
  };
}

export function createHandoff(config: WidgetConfig): HandoffApi {
  // The launcher's English words are in the launcher chunk; another language is one small fetch before it shows. The
  // form's words come with the form (formStrings).
  const locale = localeFor(config.locale, navigator.languages || []);
  const stringsReady = loadStrings(locale, config.texts);
  const s: Session = {
    config,
    identity: {},
    metadata: {},
    openedAt: undefined,
    capture: undefined,
    recorder: undefined,
    ui: undefined,
    conversations: undefined,
    stopped: false,
    afterLauncher: () => undefined,
  };
  let openWhenMounted = false;
  let following: Promise<void> | undefined;
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const emit: Emit = (event, payload) => {
    listeners.get(event)?.forEach((cb) => {
      try {
        (cb as (p: typeof payload) => void)(payload);
      } catch (error) {
        setTimeout(() => {
          throw error; // surface the host app's bug without breaking our flow
        });
      }
    });
  };
  const stopBackground = startBackground(s);

  /**
   * Downloads the conversation chunk and starts following the customer's conversations (replies, unread badge);
   * once per page. Only for visitors with something to follow, so a first-time visitor never downloads it.
   */
  const follow = () => {
    if (following) return;
    following = import("./conversation/index.js")
      .then(async ({ followConversations }) => {
        if (s.stopped) return;
        const caller = { apiOrigin: config.apiOrigin, siteKey: config.siteKey, identity: () => s.identity };
        let count = 0;
        const unread = () => {
          const next = s.conversations?.store.unread() ?? 0;
          s.ui?.setUnread(next);
          if (next !== count) {
            count = next;
            emit("unread", next);
          }
        };
        const view = await followConversations(caller, locale, config.texts, unread);
        if (s.stopped) return view.store.stop();
        s.conversations = view;
        unread(); // repaints: the dialog gets its tabs and threads
      })
      .catch(() => {
        following = undefined;
      });
  };
  const hasConversations = () => hasConversationsLocally(config.siteKey, s.identity);
  const ctrl = createController(s, emit, follow, hasConversations, { locale, launcher: stringsReady });

  const mount = () =>
    void stringsReady.then((strings) => {
      if (s.stopped || s.ui || !document.body) return;
      ctrl.strings = strings;
      s.ui = mountUi(ctrl, {
        color: config.color || "#4f46e5",
        left: config.position === "bottom-left",
        launcher: config.launcher,
      });
      if (openWhenMounted) s.ui.setOpen(true);
      s.afterLauncher();
      // The form chunk is fetched on intent (hover or focus of the launcher, or opening it), not here.
      whenIdle(() => hasConversations() && follow());
    });
  if (document.body) mount();
  else addEventListener("DOMContentLoaded", mount, { once: true });

  return {
    open: () => {
      openWhenMounted = !s.ui;
      if (s.ui) s.ui.setOpen(true);
      else mount();
    },
    close: () => {
      openWhenMounted = false;
      s.ui?.setOpen(false);
    },
    // Cleaned (known fields, server limits) when a ticket is sent: see submit.ts.
    identify: (input) => {
      const before = s.identity.id;
      if (input && typeof input !== "object") console.warn("[Handoff] identify() takes an object, e.g. { email }");
      s.identity = input && typeof input === "object" ? { ...input } : {};
      // Another person (or a login): their conversations, not the previous ones.
      if (s.conversations && s.identity.id !== before) void s.conversations.store.refresh().catch(() => undefined);
      else if (!s.conversations && s.ui && hasConversations()) follow();
    },
    setMetadata: (input) => {
      if (input && typeof input === "object") s.metadata = { ...s.metadata, ...input };
    },
    on(event, callback) {
      // A typo'd event never fires and a non-function would throw at the event: say so now, where it was called.
      const events = ["ticket:created", "open", "close", "unread"];
      const wrong =
        typeof callback !== "function"
          ? "the callback is not a function"
          : !events.includes(event) && `no event "${event}"`;
      if (wrong) {
        console.warn(`[Handoff] on(): ${wrong} (events: ${events.join(", ")})`);
        return () => false;
      }
      if (!listeners.has(event)) listeners.set(event, new Set());
      const set = listeners.get(event)!;
      set.add(callback as (payload: never) => void);
      return () => set.delete(callback as (payload: never) => void);
    },
    shutdown() {
      if (s.stopped) return;
      s.stopped = true;
      stopBackground();
      s.conversations?.store.stop();
      s.conversations = undefined;
      s.ui?.unmount();
      s.ui = undefined;
      s.identity = {};
      s.metadata = {};
      listeners.clear();
      removeEventListener("DOMContentLoaded", mount);
    },
  };
}
