/**
 * The rolling rrweb recording. Loaded as its own chunk once the page is idle; never imports the UI.
 * startRecorder() returns a handle whose stop() is the teardown.
 */
import { record } from "@rrweb/record";
import { makeTextMasker, maskPatterns, maskTail, type TextMasking } from "../capture/patterns.js";
import { scrubUrl } from "../capture/scrub.js";
import { EVENT_META, RollingBuffer } from "./buffer.js";
import { pacedCheckout } from "./checkouts.js";
import { PAGE_VALUE } from "./attributes.js";
import { makeMaskInput } from "./privacy.js";
import { makeGrowth, runOnPage } from "./runs.js";
import type { Found } from "./edges.js";
import { type EmittedEvent, makeMaskedLookup, type SanitizeOptions, sanitizeEvent } from "./sanitize.js";

export interface RecorderOptions {
  windowSeconds: number;
  maxBytes: number;
  /** Mask every typed value (default). Sensitive fields are masked either way. */
  maskInputs: boolean;
  /** Personal data by pattern in page text (default), all text, or the site's own rule. */
  maskText?: TextMasking;
}

/** What the recording hid so far: input fields, and distinct pieces of page text (for the form's preview). */
export interface MaskedCounts {
  fields: number;
  texts: number;
}

export interface Recorder {
  /**
   * A copy of the buffered events: starts with a full snapshot, covers at least the last windowSeconds. None while the
   * code joining an address split over blocks (edges.ts) is still on its way.
   */
  getEvents(): { type: number; timestamp: number }[];
  durationMs(): number;
  masked(): MaskedCounts;
  stop(): void;
}

// Every input kind (hidden ones too: rrweb would record their value attribute, e.g. CSRF tokens) goes through
// maskInputFn, which then decides (see privacy.ts): rrweb only ever reads maskInputOptions[tagName or type].
const ALL_INPUTS = new Proxy({}, { get: () => true }) as Record<string, boolean>;
const MASK_SELECTOR = "[data-handoff-mask]";
/** The build patches rrweb to process DOM mutations in batches (see patches/README.md). */
const batching = record as typeof record & { flushMutations?(): void; mutationBatch?(ms: number): void };
// While the page changes on its own, a change may show in replay up to half a second late; right after the customer
// acts, what their action did shows within 50 ms.
const CALM_BATCH_MS = 500;
const ACTIVE_BATCH_MS = 50;
const ACTIVE_FOR_MS = 300;
// Flushed before rrweb sees these, so the nodes they target are already serialized (known ids in replay).
const INTERACTIONS = "pointerdown keydown input".split(" ");
const EVENT_INCREMENTAL = 3;
const SOURCE_INPUT = 5;
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"])';

export function startRecorder(options: RecorderOptions): Recorder {
  const buffer = new RollingBuffer({
    windowMs: options.windowSeconds * 1000,
    maxBytes: options.maxBytes,
    // One huge segment: start a fresh one so the old one can go (at most every 5 s, and as paced).
    onOverflow: () => setTimeout(() => checkout(5000)),
  });
  batching.mutationBatch?.(CALM_BATCH_MS);
  let calm: ReturnType<typeof setTimeout> | undefined;
  const onInteraction = () => {
    batching.flushMutations?.();
    batching.mutationBatch?.(ACTIVE_BATCH_MS);
    clearTimeout(calm);
    calm = setTimeout(() => batching.mutationBatch?.(CALM_BATCH_MS), ACTIVE_FOR_MS);
  };
  for (const type of INTERACTIONS) window.addEventListener(type, onInteraction, { capture: true, passive: true });
  const textMasking = options.maskText ?? { all: false, patterns: true };
  const maskedSelector = textMasking.all ? "*" : MASK_SELECTOR;
  const { mirror } = record;
  const node = (id: number) => mirror.getNode(id);
  const isMasked = makeMaskedLookup(node, maskedSelector);
  const isStyleText = (id: number) => node(id)?.parentElement?.tagName === "STYLE";
  // Counted by their masked form (never the original), bounded.
  const maskedTexts = new Set<string>();
  const onMasked = (m: string) => maskedTexts.size < 10_000 && maskedTexts.add(m);
  const maskText = makeTextMasker(textMasking, onMasked);
  const maskTextSelector = options.maskInputs ? `${maskedSelector}, ${EDITABLE_SELECTOR}` : maskedSelector;
  // Text rrweb already masked whole is not looked at again as a run.
  const unmasked = `${maskTextSelector}, .rr-mask`;
  const edges: Found[] = [];
  // Once edges.ts is loaded: told each event as it is recorded (in the same task, so a send flushes nothing unjoined).
  let joined: ((event?: EmittedEvent) => void) | undefined;
  let loading: Promise<unknown> | undefined;
  const patterns = (text: string) => maskPatterns(text, onMasked);
  const runs: SanitizeOptions = textMasking.patterns
    ? {
        patterns,
        around: (id) => runOnPage(node(id), (n) => mirror.getId(n), unmasked),
        growing: makeGrowth(),
        // Rare (an address split over blocks or a line break): the code that joins it loads then.
        // Loaded again at the next such text if it failed: till it is, nothing is sent (see getEvents).
        atEdge: (...found) => {
          edges.push(found);
          loading ||= import("./edges.js").then(
            (m) => {
              joined = m.join(edges, mirror, unmasked, () => buffer.events(), patterns, maskText);
              joined();
            },
            () => (loading = undefined),
          );
        },
      }
    : {};
  const typed = (el: object, text: string) => (runs.growing?.(el, text) ? maskTail(text) : text);
  const maskedFields = new WeakSet<object>();
  let fields = 0;
  const maskInput = makeMaskInput(options.maskInputs);
  const started = Date.now();
  const stop = record({
    emit: (event) => {
      // The Meta event carries the page URL: strip tokens from it as from every other captured URL.
      if (event.type === EVENT_META)
        (event.data as { href: string }).href = scrubUrl((event.data as { href: string }).href);
      // A checkbox's or a radio's value (the page's: an address to invite, a saved card) as rrweb records it, unmasked.
      const input = event.data as { source?: number; id: number; text?: string };
      if (event.type === EVENT_INCREMENTAL && input.source === SOURCE_INPUT && input.text && runs.patterns)
        if (PAGE_VALUE.test((node(input.id) as HTMLInputElement | null)?.type ?? "")) input.text = maskText(input.text);
      sanitizeEvent(event, isMasked, maskText, isStyleText, runs);
      buffer.push(event);
      joined?.(event);
    },
    blockClass: "rr-block",
    blockSelector: "[data-handoff-block]",
    ignoreSelector: "[data-handoff-ignore]",
    maskTextClass: "rr-mask",
    // Text typed into rich-text editors is input too: masked with the inputs unless the site opted out.
    maskTextSelector,
    maskInputOptions: ALL_INPUTS,
    maskInputFn: (text, el) => {
      const out = maskInput(text, el);
      if (out !== text && !maskedFields.has(el)) {
        maskedFields.add(el);
        fields++;
      }
      // Typing recorded as typed (data-mask-inputs="false"): personal data in it by pattern, as in page text, and
      // what may become a card or a key at the end of what is still being typed.
      return out === text && runs.patterns ? typed(el, maskText(text)) : out;
    },
    slimDOMOptions: "all",
    // Replay interpolates the cursor, so 10 positions a second look the same as 20 and cost half.
    sampling: { mousemove: 100, scroll: 150, input: "last" },
    recordCanvas: false,
    collectFonts: false,
    errorHandler: () => true,
  });
  // Checkouts (fresh full snapshots, so old segments can go) run when the main thread is idle, not on rrweb's timer
  // in the middle of whatever the page is doing; the timeout keeps the window bounded on pages that are never idle.
  // What record()'s own snapshot took paces them (checkouts.ts).
  const checkout = pacedCheckout(() => record.takeFullSnapshot?.(true), started);
  const checkoutMs = Math.max(5000, (options.windowSeconds * 1000) / 2);
  // Without requestIdleCallback (Safari), setTimeout takes the options as a delay of 0.
  const idle = (fn: () => void) => (window.requestIdleCallback || setTimeout)(fn, { timeout: 2000 } as never);
  // Half the period: a checkout delayed by idle time does not make the next one skip.
  const checkouts = setInterval(() => idle(() => checkout(checkoutMs / 2)), checkoutMs);
  return {
    getEvents: () => {
      batching.flushMutations?.();
      // Until edges.ts has joined what it was loaded for, nothing is sent (a split address could be in it).
      return edges.length ? [] : buffer.events();
    },
    durationMs: () => buffer.durationMs(),
    masked: () => ({ fields, texts: maskedTexts.size }),
    stop: () => {
      clearInterval(checkouts);
      clearTimeout(calm);
      for (const type of INTERACTIONS) window.removeEventListener(type, onInteraction, { capture: true });
      batching.flushMutations?.();
      batching.mutationBatch?.(0);
      stop?.();
      buffer.clear();
    },
  };
}
