import type { Strings } from "./strings.js";
import type { FieldName, Problem, SubmitFailure } from "./types.js";

const FIELDS: FieldName[] = ["email", "subject", "description"];

export const isProblem = (value: unknown): value is Problem =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Problem).status === "number" &&
  Array.isArray((value as Problem).issues);

/** Maps a failed submission to what the customer sees: per-field messages for 422s, one clear sentence otherwise. */
export function describeFailure(error: unknown, t: Strings): SubmitFailure {
  if (!isProblem(error)) return { kind: "message", message: t.errorNetwork };
  if (error.status === 0) return { kind: "message", message: t.errorNetwork };
  if (error.status === 401 || error.status === 403) {
    // The customer can do nothing about it; the developer trying the widget reads the cause (unknown key, this
    // page's origin not allowed) where they look.
    console.warn(`[Handoff] ${error.message}`);
    return { kind: "message", message: t.errorKey };
  }
  if (error.status === 429) return { kind: "message", message: t.errorRateLimited };
  if (error.status >= 500 || error.status === 408) return { kind: "message", message: t.errorServer };
  const fields: Partial<Record<FieldName, string>> = {};
  for (const issue of error.issues) {
    const field = FIELDS.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field && !fields[field]) fields[field] = issue.message;
  }
  if (Object.keys(fields).length) return { kind: "fields", fields, message: t.errorFix };
  return { kind: "message", message: `${t.errorRejected} ${error.message}`.trim() };
}
