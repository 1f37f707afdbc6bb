import type { TicketCreateInput, TicketCreated } from "../../shared/widget-api.js";
import { WIDGET_HEADERS, WIDGET_PATHS, WIDGET_QUERY } from "../../shared/widget-paths.js";
import { customerToken } from "./customer-token.js";
import { attemptFetch, withRetry, type RetryOptions } from "./http.js";
import { toJson } from "./json.js";

export interface TicketTarget {
  apiOrigin: string;
  siteKey: string;
}

/**
 * POST the ticket. The idempotency key stays the same across retries (and later re-sends), so it is created once. An
 * answer that has not come in 20 s (a body of at most 64 KB: ~26 kbit/s) is given up on: the ticket stays in the
 * outbox and the form says it is saved.
 */
export function createTicket(
  target: TicketTarget,
  body: TicketCreateInput,
  idempotencyKey: string,
  retry?: RetryOptions,
): Promise<TicketCreated> {
  const token = customerToken(target.siteKey);
  const init: RequestInit = {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [WIDGET_HEADERS.siteKey]: target.siteKey,
      [WIDGET_HEADERS.idempotencyKey]: idempotencyKey,
      ...(token ? { [WIDGET_HEADERS.customerToken]: token } : {}),
    },
    body: toJson(body),
    credentials: "omit",
    keepalive: false,
  };
  return withRetry(
    () =>
      attemptFetch(target.apiOrigin + WIDGET_PATHS.tickets, init, (r) => r.json() as Promise<TicketCreated>, 20_000),
    retry,
  );
}

/** Last resort when the tab closes mid-send: sendBeacon cannot set headers, so key and idempotency key go in the query. */
export function beaconTicket(target: TicketTarget, body: TicketCreateInput, idempotencyKey: string): boolean {
  if (typeof navigator.sendBeacon !== "function") return false;
  const url = new URL(target.apiOrigin + WIDGET_PATHS.tickets);
  url.searchParams.set(WIDGET_QUERY.siteKey, target.siteKey);
  url.searchParams.set(WIDGET_QUERY.idempotencyKey, idempotencyKey);
  const token = customerToken(target.siteKey);
  if (token) url.searchParams.set(WIDGET_QUERY.customerToken, token);
  // text/plain keeps it a "simple" cross-origin request (no preflight, which a closing tab would not wait for).
  const blob = new Blob([toJson(body)], { type: "text/plain" });
  try {
    return navigator.sendBeacon(url.href, blob);
  } catch {
    return false;
  }
}
