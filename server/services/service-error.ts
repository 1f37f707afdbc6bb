import type { ErrorCode, ErrorIssue } from "../../shared/errors.js";

/** A failure the client can act on; routes map it to the shared error body and its status. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Seconds, for rate_limited and unavailable. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const notFound = (what: string) => new ServiceError("not_found", `${what} not found`);

/** Unique-constraint violation from either driver (drizzle may wrap the driver error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
}
