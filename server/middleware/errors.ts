import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorIssue } from "../../shared/errors.js";
import { ServiceError } from "../services/service-error.js";
import type { AppEnv } from "../env.js";
import { loggableError } from "../observability/loggable-error.js";
import { logger } from "../observability/logger.js";
import { StorageUnavailableError } from "../storage/storage-outage.js";

const STORAGE_RETRY_SECONDS = 30;

export function errorResponse(c: Context<AppEnv>, code: ErrorCode, message: string, issues?: ErrorIssue[]) {
  const body: ErrorBody = {
    error: { code, message, requestId: c.get("requestId") ?? "unknown", ...(issues ? { issues } : {}) },
  };
  return c.json(body, ERROR_STATUS[code]);
}

// The first code listed for a status is its generic one (409 is conflict, not reply_conflict).
const codeByStatus = Object.fromEntries(
  Object.entries(ERROR_STATUS)
    .reverse()
    .map(([code, status]) => [status, code]),
) as Record<number, ErrorCode>;

/** app.onError: the one place a thrown error becomes the shared error body. Never a stack trace to the client. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof ServiceError) {
    if (err.retryAfter !== undefined) c.header("Retry-After", String(err.retryAfter));
    return errorResponse(c, err.code, err.message, err.issues);
  }
  if (err instanceof HTTPException) {
    const code = codeByStatus[err.status] ?? (err.status >= 500 ? "internal" : "bad_request");
    return errorResponse(c, code, err.message || code.replace(/_/g, " "));
  }
  if (err instanceof StorageUnavailableError) {
    // An outage of the bucket (or disk), not a bug: the client is told to come back; what it sent before is kept.
    logger.error({ requestId: c.get("requestId"), reason: err.reason }, "blob storage unreachable");
    c.header("Retry-After", String(STORAGE_RETRY_SECONDS));
    return errorResponse(
      c,
      "unavailable",
      "File storage cannot be reached right now. Nothing already sent is lost; try again in a minute.",
    );
  }
  // One JSON line with what a developer needs, never the failed query's values (loggableError).
  logger.error({ requestId: c.get("requestId"), method: c.req.method, error: loggableError(err) }, "unhandled error");
  return errorResponse(
    c,
    "internal",
    "Something went wrong on our side. Try again; if it keeps failing, quote the request id.",
  );
}

export function handleNotFound(c: Context<AppEnv>) {
  return errorResponse(c, "not_found", `No route for ${c.req.method} ${c.req.path}`);
}

/**
 * app.notFound for the whole app: an API path that exists under other methods (PUT /api/v1/tickets/:id, which takes
 * PATCH) is a 405 with Allow naming them, instead of "No route", which sent developers looking for a wrong path.
 */
export function notFoundFor(app: { routes: { method: string; path: string }[] }) {
  let table: { method: string; pattern: RegExp }[] | undefined;
  return (c: Context<AppEnv>) => {
    const path = c.req.path;
    if (!path.startsWith("/api/")) return handleNotFound(c);
    table ??= app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
      .map((r) => ({ method: r.method, pattern: routePattern(r.path) }));
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.size === 0) return handleNotFound(c);
    if (methods.has("GET")) methods.add("HEAD");
    const allow = [...methods].join(", ");
    c.header("Allow", allow);
    return errorResponse(c, "method_not_allowed", `${c.req.method} is not allowed on ${path}; it takes ${allow}`);
  };
}

/** A Hono route path (/api/v1/tickets/:id/messages) as a regular expression over request paths. */
function routePattern(route: string): RegExp {
  const segments = route.split("/").map((segment) => {
    if (segment === "*") return ".*";
    if (segment.startsWith(":")) return "[^/]+";
    return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${segments.join("/")}/?$`);
}
