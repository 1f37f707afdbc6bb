/**
 * The rolling rrweb recording. Loaded as its own chunk once the page is idle; never imports the UI.
 * startRecorder() returns a handle whose stop() is the teardown.
 */
import { record } from "@rrweb/record";
import { RollingBuffer } from "./buffer.js";
import { makeMaskInput } from "./privacy.js";

export interface RecorderOptions {
  windowSeconds: number;
  maxBytes: number;
  /** Mask every typed value (default). Sensitive fields are masked either way. */
  maskInputs: boolean;
}

export interface Recorder {
  /** A copy of the buffered events: starts with a full snapshot, covers at least the last windowSeconds. */
  getEvents(): { type: number; timestamp: number }[];
  durationMs(): number;
  stop(): void;
}

// Every input kind goes through maskInputFn, which then decides (see privacy.ts).
const ALL_INPUTS = {
  color: true, date: true, "datetime-local": true, email: true, month: true, number: true, range: true, search: true,
  tel: true, text: true, time: true, url: true, week: true, textarea: true, select: true, password: true,
};

export function startRecorder(options: RecorderOptions): Recorder {
  let lastOverflowCheckout = 0;
  const buffer = new RollingBuffer({
    windowMs: options.windowSeconds * 1000,
    maxBytes: options.maxBytes,
    onOverflow: () => {
      // One huge segment: start a fresh one so the old one can go (at most every 5 s).
      const now = Date.now();
      if (now - lastOverflowCheckout < 5000) return;
      lastOverflowCheckout = now;
      setTimeout(() => record.takeFullSnapshot?.(true));
    },
  });
  const stop = record({
    emit: (event) => buffer.push(event),
    checkoutEveryNms: Math.max(5000, (options.windowSeconds * 1000) / 2),
    blockClass: "rr-block",
    blockSelector: "[data-handoff-block]",
    ignoreSelector: "[data-handoff-ignore]",
    maskTextClass: "rr-mask",
    maskTextSelector: "[data-handoff-mask]",
    maskInputOptions: ALL_INPUTS,
    maskInputFn: makeMaskInput(options.maskInputs),
    slimDOMOptions: "all",
    sampling: { mousemove: 50, scroll: 150, input: "last" },
    recordCanvas: false,
    collectFonts: false,
    errorHandler: () => true,
  });
  return {
    getEvents: () => buffer.events(),
    durationMs: () => buffer.durationMs(),
    stop: () => {
      stop?.();
      buffer.clear();
    },
  };
}
