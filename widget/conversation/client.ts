/** The customer's conversation routes (contract: shared/customer-api.ts), called from the host page. */
import type {
  CustomerConversation,
  CustomerConversationList,
  CustomerMessage,
  CustomerUpdates,
} from "../../shared/customer-api.js";
import type { CustomerFeedback, FeedbackState } from "../../shared/metrics.js";
import type { Identity } from "../../shared/context.js";
import { WIDGET_HEADERS, WIDGET_PATHS } from "../../shared/widget-paths.js";
import { ApiError, errorFromResponse, networkError } from "../transport/api-error.js";
import { customerToken } from "../transport/customer-token.js";

export interface Caller {
  apiOrigin: string;
  siteKey: string;
  /** Read on every call: identify() may come after the widget started. */
  identity(): Identity;
}

/** Header values must be Latin-1, so the identity goes as base64url(UTF-8 JSON), which the server accepts. */
export function userHeader({ id, userHash, jwt }: Identity): string | undefined {
  if (!jwt && (!id || !userHash)) return undefined;
  const bytes = new TextEncoder().encode(JSON.stringify(jwt ? { jwt } : { id, userHash }));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Who is asking: site key, this browser's token, the verified identity (also used by the live stream). */
export function callerHeaders(caller: Caller): Record<string, string> {
  const token = customerToken(caller.siteKey, false); // reading conversations never creates one
  const user = userHeader(caller.identity());
  const headers: Record<string, string> = { [WIDGET_HEADERS.siteKey]: caller.siteKey };
  if (token) headers[WIDGET_HEADERS.customerToken] = token;
  if (user) headers[WIDGET_HEADERS.user] = user;
  return headers;
}

async function call<T>(caller: Caller, path: string, init: RequestInit = {}, bearer?: string): Promise<T> {
  const headers = { ...callerHeaders(caller), ...(init.headers as Record<string, string> | undefined) };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (init.body) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(caller.apiOrigin + path, { ...init, headers, credentials: "omit", cache: "no-store" });
  } catch (error) {
    // Given up by its signal (postReply's): no answer came in time; "stalled" tells it from a plain network error.
    throw init.signal?.aborted ? new ApiError(0, "stalled", "No answer") : networkError(error);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.json() as Promise<T>;
}

export const fetchConversations = (c: Caller) => call<CustomerConversationList>(c, WIDGET_PATHS.conversations);

export const fetchUpdates = (c: Caller, since?: string) =>
  call<CustomerUpdates>(c, WIDGET_PATHS.updates + (since ? `?since=${encodeURIComponent(since)}` : ""));

/** The page of a thread before `before` (an olderCursor): for "Show earlier messages". */
export const fetchOlder = (c: Caller, ticketId: string, before: string) =>
  call<CustomerConversation>(c, `${WIDGET_PATHS.messages(ticketId)}?before=${encodeURIComponent(before)}`);

/** `key`: the composed reply's Idempotency-Key, the same on every retry, so a reply whose answer was lost is stored once. */
export const postReply = (c: Caller, ticketId: string, body: string, key: string) =>
  call<CustomerMessage>(c, WIDGET_PATHS.messages(ticketId), {
    method: "POST",
    body: JSON.stringify({ body }),
    headers: { [WIDGET_HEADERS.idempotencyKey]: key },
    // Unanswered in 20 s (a proxy that holds it, a connection gone silent): said at once instead of "Sending…" for good.
    signal: AbortSignal.timeout(20_000),
  });

export const fetchFeedbackState = (c: Caller, ticketId: string, uploadToken: string) =>
  call<FeedbackState>(c, WIDGET_PATHS.feedback(ticketId), {}, uploadToken);

export const postFeedback = (c: Caller, ticketId: string, uploadToken: string, answers: CustomerFeedback) =>
  call<FeedbackState>(
    c,
    WIDGET_PATHS.feedback(ticketId),
    { method: "POST", body: JSON.stringify(answers) },
    uploadToken,
  );
