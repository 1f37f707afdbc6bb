import type { CaptureContext } from "../../../shared/context.js";

/**
 * Stable keys for "the same problem": a failing endpoint without its ids, an error message without its
 * variable parts. Two tickets sharing one very likely share a cause.
 */
export function endpointFingerprints(context: CaptureContext): string[] {
  const keys = context.network.map((f) => `${f.method.toUpperCase()} ${normalizePath(f.url)}`);
  return [...new Set(keys)];
}

export function errorFingerprints(context: CaptureContext): string[] {
  const keys = context.console
    .filter((e) => e.level === "error")
    .map((e) => normalizeMessage(e.message))
    .filter((m) => m.length > 0);
  return [...new Set(keys)];
}

/** /api/v2/reports/8f3a.../export?x=1 -> /api/v2/reports/:id/export */
export function normalizePath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split("?")[0] ?? url;
  }
  return path
    .toLowerCase()
    .split("/")
    .map((segment) => (/\d/.test(segment) && !/^v\d+$/.test(segment) ? ":id" : segment))
    .join("/");
}

function normalizeMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? "";
  return firstLine
    .replace(/(["'`]).*?\1/g, "_")
    .replace(/https?:\/\/\S+/g, "_")
    .replace(/\b[0-9a-f]{8,}\b/gi, "_")
    .replace(/\d+/g, "_")
    .trim()
    .slice(0, 200);
}
