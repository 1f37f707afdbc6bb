import type { ConsoleEntry } from "../../shared/context.js";
import { WIDGET_LIMITS } from "../../shared/limits.js";
import type { Ring } from "./ring.js";
import { scrubStart } from "./scrub.js";

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return String(value);
  try {
    return JSON.stringify(value)?.slice(0, WIDGET_LIMITS.consoleMessage) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function entry(
  level: ConsoleEntry["level"],
  kind: ConsoleEntry["kind"],
  message: string,
  stack?: string,
): ConsoleEntry {
  const e: ConsoleEntry = {
    t: Date.now(),
    level,
    kind,
    message: cap(scrubStart(message, WIDGET_LIMITS.consoleMessage), WIDGET_LIMITS.consoleMessage),
  };
  if (stack) e.stack = cap(scrubStart(stack, WIDGET_LIMITS.stack), WIDGET_LIMITS.stack);
  return e;
}

/** console.error/warn, uncaught errors and unhandled rejections. */
export function startConsole(ring: Ring<ConsoleEntry>): () => void {
  const originals = { error: console.error, warn: console.warn };
  const patched: Partial<typeof originals> = {};
  let busy = false; // our own code logging from inside the wrapper must not recurse
  for (const level of ["error", "warn"] as const) {
    const original = originals[level];
    const wrapper = function (this: Console, ...args: unknown[]) {
      // The widget's own notes ("[Handoff] …") are about us, not the host app: keep them out of tickets.
      if (!busy && !(typeof args[0] === "string" && args[0].startsWith("[Handoff]"))) {
        busy = true;
        try {
          const error = args.find((a): a is Error => a instanceof Error);
          ring.push(entry(level, "console", args.map(describe).join(" "), error?.stack));
        } catch {
          /* never break the host app */
        }
        busy = false;
      }
      return original.apply(this, args);
    };
    try {
      console[level] = wrapper;
      patched[level] = wrapper;
    } catch {
      /* a page that froze `console`: uncaught errors and rejections are still captured below */
    }
  }

  const onError = (event: ErrorEvent) => {
    // resource load errors (img, script) reach window listeners only in the capture phase and have no message
    if (!event.message && !event.error) return;
    const where = event.filename ? ` (${event.filename}:${event.lineno}:${event.colno})` : "";
    ring.push(entry("error", "uncaught", (event.message || describe(event.error)) + where, event.error?.stack));
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason;
    ring.push(entry("error", "unhandledrejection", `Unhandled rejection: ${describe(reason)}`, reason?.stack));
  };
  addEventListener("error", onError);
  addEventListener("unhandledrejection", onRejection);

  return () => {
    removeEventListener("error", onError);
    removeEventListener("unhandledrejection", onRejection);
    for (const level of ["error", "warn"] as const) {
      if (console[level] === patched[level]) console[level] = originals[level];
    }
  };
}
