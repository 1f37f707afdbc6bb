/** Widget settings, read from the script tag's data- attributes (or passed to init() by SPA developers). */
import type { TextMasking } from "./capture/patterns.js";

export type Position = "bottom-right" | "bottom-left";

export interface WidgetOptions {
  siteKey: string;
  /** Where the Handoff API lives; defaults to the origin the script was loaded from. */
  apiOrigin?: string;
  windowSeconds?: number;
  maskInputs?: boolean;
  locale?: string;
  color?: string;
  position?: Position;
  /** Estimated in-memory cap for the rolling recording, in bytes. */
  maxRecordingBytes?: number;
  /** Your own wording for plain-text entries of ui/strings.ts, e.g. { launcherText: "Ask us", title: "Talk to Acme" }. */
  texts?: Record<string, string>;
  /**
   * Page text in the recording: personal data masked by pattern (default); "all" masks every character; a function
   * (ESM entry) is your own rule, applied after the patterns to every text node and readable attribute.
   */
  maskText?: "all" | ((text: string) => string);
  /** false: no pattern masking of page text (inputs and marked elements are still masked). */
  maskPatterns?: boolean;
  /** false: no floating help button; your own button calls Handoff.open() (and may show the "unread" event's count). */
  launcher?: boolean;
}

export interface WidgetConfig {
  siteKey: string;
  apiOrigin: string;
  windowSeconds: number;
  maskInputs: boolean;
  locale: string;
  color: string | undefined;
  position: Position;
  maxRecordingBytes: number;
  texts: Record<string, string>;
  textMasking: TextMasking;
  launcher: boolean;
}

export const DEFAULT_MAX_RECORDING_BYTES = 16 * 1024 * 1024;

function bool(value: string | boolean | undefined, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  if (value === undefined || value === "") return fallback;
  return !/^(false|0|no|off)$/i.test(value.trim());
}

/** Only plain colour syntax: the value ends up inside our stylesheet, so nothing that could close a rule. */
export function safeColor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla|oklch|oklab)\([\d\s.,%/a-z-]{1,60}\))$/i.test(v)
    ? v
    : undefined;
}

export function normalizeConfig(options: WidgetOptions, defaultOrigin: string): WidgetConfig {
  const seconds = Number(options.windowSeconds);
  let apiOrigin = defaultOrigin;
  if (options.apiOrigin) {
    try {
      apiOrigin = new URL(options.apiOrigin).origin;
    } catch {
      /* keep the default: a typo must not send tickets somewhere odd */
    }
  }
  return {
    siteKey: options.siteKey,
    apiOrigin,
    windowSeconds: Number.isFinite(seconds) && seconds >= 5 ? Math.min(Math.round(seconds), 600) : 60,
    maskInputs: bool(options.maskInputs, true),
    locale: (options.locale || "").trim(),
    color: safeColor(options.color),
    position: options.position === "bottom-left" ? "bottom-left" : "bottom-right",
    maxRecordingBytes:
      options.maxRecordingBytes && options.maxRecordingBytes > 0
        ? options.maxRecordingBytes
        : DEFAULT_MAX_RECORDING_BYTES,
    texts: options.texts && typeof options.texts === "object" ? options.texts : {},
    textMasking: {
      all: options.maskText === "all",
      patterns: bool(options.maskPatterns, true),
      custom: typeof options.maskText === "function" ? options.maskText : undefined,
    },
    launcher: bool(options.launcher, true),
  };
}

/**
 * data-site-key, data-api-origin, data-window-seconds, data-mask-inputs, data-locale, data-color, data-position,
 * data-texts, data-buffer-mb (the recording's in-memory cap in megabytes, default 16), data-mask-text="all",
 * data-mask-patterns="false", data-launcher="false"
 */
export function optionsFromDataset(data: Record<string, string | undefined>): WidgetOptions {
  return {
    siteKey: (data.siteKey || "").trim(),
    apiOrigin: data.apiOrigin,
    windowSeconds: data.windowSeconds ? Number(data.windowSeconds) : undefined,
    maskInputs: data.maskInputs === undefined ? undefined : bool(data.maskInputs, true),
    locale: data.locale,
    color: data.color,
    position: data.position as Position | undefined,
    texts: parseTexts(data.texts),
    maxRecordingBytes: megabytes(data.bufferMb),
    maskText: data.maskText === "all" ? "all" : undefined,
    maskPatterns: data.maskPatterns === undefined ? undefined : bool(data.maskPatterns, true),
    launcher: data.launcher === undefined ? undefined : bool(data.launcher, true),
  };
}

/** At least 64 KB (one snapshot of a small page) and at most 256 MB; anything else keeps the default. */
function megabytes(value: string | undefined): number | undefined {
  const mb = Number(value);
  if (!value || !Number.isFinite(mb) || mb <= 0) return undefined;
  return Math.round(Math.min(Math.max(mb, 1 / 16), 256) * 1024 * 1024);
}

/** data-texts='{"launcherText":"Ask us"}': a typo must not stop the widget, so bad JSON is ignored with a warning. */
function parseTexts(json: string | undefined): Record<string, string> | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json);
    if (value && typeof value === "object") return value;
  } catch {
    /* fall through */
  }
  console.warn("[Handoff] data-texts is not a JSON object; using the default texts.");
  return undefined;
}
