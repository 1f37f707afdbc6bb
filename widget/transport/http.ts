/** Retrying HTTP for the widget: network errors, 5xx, 408 and 429 are retried with backoff; other 4xx are not. */
import { type ApiError, errorFromResponse, networkError } from "./api-error.js";

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter; Retry-After (seconds or HTTP date) wins when the server sends it. */
export function backoffDelay(
  attempt: number,
  retryAfter: string | null,
  base: number,
  max: number,
  random = Math.random,
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, max);
  }
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type Attempt<T> = () => Promise<
  { ok: true; value: T } | { ok: false; error: ApiError; retryAfter?: string | null; stalled?: boolean }
>;

/**
 * Runs `attempt` until it succeeds, fails for good, or runs out of attempts. A stalled attempt (no answer in time) is
 * not tried again here: another would wait as long; it stays retryable for later (the outbox).
 */
export async function withRetry<T>(attempt: Attempt<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  for (let i = 0; ; i++) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (!result.error.retryable || result.stalled || i + 1 >= attempts) throw result.error;
    await sleep(backoffDelay(i, result.retryAfter ?? null, options.baseDelayMs ?? 500, options.maxDelayMs ?? 30_000));
  }
}

/**
 * fetch that turns every outcome into an Attempt result. With `timeoutMs`, a request still unanswered by then (a proxy
 * that holds it, a connection that went silent) is given up as stalled: otherwise the form said "Sending…" for good.
 */
export async function attemptFetch<T>(
  url: string,
  init: RequestInit,
  parse: (r: Response) => Promise<T>,
  timeoutMs?: number,
) {
  const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  try {
    const response = await fetch(url, { ...init, signal });
    if (response.ok) return { ok: true as const, value: await parse(response) };
    return {
      ok: false as const,
      error: await errorFromResponse(response),
      retryAfter: response.headers.get("Retry-After"),
    };
  } catch (error) {
    return { ok: false as const, error: networkError(error), stalled: !!signal?.aborted };
  }
}
