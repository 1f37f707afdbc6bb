/**
 * The widget's API errors: what every call needs, also the conversation chunk's reads (which never retry), so it
 * sits apart from the retrying in http.ts (the form's).
 */
import type { ErrorIssue } from "../../shared/errors.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
  /** Worth trying again later (offline, server trouble); a 4xx will fail the same way again. */
  get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

export const isRetryableStatus = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; requestId?: string; issues?: ErrorIssue[] } } | undefined;
  try {
    body = await response.json();
  } catch {
    /* not our JSON (proxy error page) */
  }
  const e = body?.error;
  return new ApiError(
    response.status,
    e?.code || `http_${response.status}`,
    e?.message || response.statusText || "Request failed",
    e?.issues || [],
    e?.requestId,
  );
}

export const networkError = (error: unknown) =>
  new ApiError(0, "network_error", (error as Error)?.message || "Network error");
