import { z } from "zod";

/** Every error the API returns uses one of these codes, with the status it maps to. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** The agent's password was generated or set by someone else: only changing it (PATCH own agent) is allowed. */
  password_change_required: 403,
  not_found: 404,
  /** The path exists under other methods (PUT where the route takes PATCH): the Allow header lists them. */
  method_not_allowed: 405,
  conflict: 409,
  /** A colleague replied to the customer after the newest message the sender had seen (agent collision). */
  reply_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorIssueSchema = z.object({
  /** Dotted path of the offending field, e.g. "context.clicks.3.text"; "" for the whole body. */
  path: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One issue per field: zod may report several problems for one path; keep the first. */
export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    // An unknown field is named at its own path, so a script's typo ("priorty") points at the field to fix.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key].map(String).join(".");
        if (!seen.has(path)) seen.set(path, "not a field of this request");
      }
      continue;
    }
    const path = issue.path.map(String).join(".");
    if (!seen.has(path)) seen.set(path, readableMessage(issue));
  }
  return [...seen].map(([path, message]) => ({ path, message }));
}

const UNITS: Record<string, string> = { string: "characters", array: "items", set: "items", file: "bytes" };

/**
 * Zod's own size messages ("Too big: expected string to have <=200 characters") are shown to agents as they are;
 * say the limit in words instead. A schema's own message ("required") is kept.
 */
function readableMessage(issue: z.core.$ZodIssue): string {
  // A field left out entirely reads "Invalid input: expected string, received undefined" in zod's words.
  if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) return "required";
  // A query's number that is not one (limit=abc) read "Invalid input: expected number, received NaN".
  if (issue.code === "invalid_type" && / received NaN$/.test(issue.message)) return "a number";
  // The whole body sent as an array, null or a string: "Invalid input: expected object, received array".
  if (issue.code === "invalid_type" && issue.path.length === 0 && /^Invalid input: expected object/.test(issue.message))
    return "the body must be a JSON object ({ … })";
  // "Invalid option: expected one of \"open\"|\"pending\"…" names the values in JSON; a script's author wants them listed.
  if (issue.code === "invalid_value" && /^Invalid option:/.test(issue.message) && issue.values.length <= 20)
    return `one of ${issue.values.map(String).join(", ")}`;
  if (issue.code !== "too_big" && issue.code !== "too_small") return issue.message;
  if (!/^Too (big|small):/.test(issue.message)) return issue.message;
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  const unit = UNITS[issue.origin] ?? "";
  if (!big && limit <= 1 && unit === "characters") return "required";
  const exclusive = issue.inclusive === false;
  const bound = exclusive
    ? big
      ? `less than ${limit}`
      : `more than ${limit}`
    : `${big ? "at most" : "at least"} ${limit}`;
  return `${bound}${unit ? ` ${unit}` : ""}`;
}
