import type { z } from "zod";
import {
  API_PATHS,
  agentSchema,
  errorBodySchema,
  ticketDetailSchema,
  ticketListSchema,
  type Agent,
  type ErrorCode,
  type ErrorIssue,
  type LoginRequest,
  type TicketDetail,
  type TicketList,
  ADMIN_PATHS,
  CONVERSATION_PATHS,
  agentListSchema,
  messageListSchema,
  type MessageList,
  ticketEventListSchema,
  type TicketEvent,
  messageSchema,
  agentListItemSchema,
  siteKeyInfoSchema,
  workspaceSettingsSchema,
  type AgentCreateInput,
  type AgentListItem,
  type AgentUpdate,
  type SiteKeyInfo,
  type WorkspaceSettings,
  type WorkspaceUpdate,
  type AgentMessageCreate,
  type Message,
  type TicketListQuery,
  type TicketUpdate,
} from "../../shared/index.js";

/** A failed API call, carrying the server's error body so screens can show message and requestId. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network" | "bad_response",
    message: string,
    readonly requestId: string | null = null,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * Runs one load of a screen's model: sets loading, clears and then sets the error (as an ApiError), and ignores an
 * aborted request (the screen went away or a newer load replaced it).
 */
export async function trackLoad(
  state: { loading: { value: boolean }; error: { value: ApiError | null } },
  signal: AbortSignal,
  work: () => Promise<void>,
): Promise<void> {
  state.loading.value = true;
  state.error.value = null;
  try {
    await work();
  } catch (caught) {
    if (isAbort(caught)) return;
    state.error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
  } finally {
    if (!signal.aborted) state.loading.value = false;
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** The session registers here: any 401 (other than a failed login) sends the agent back to the login screen. */
export function setUnauthorizedListener(listener: UnauthorizedListener): () => void {
  onUnauthorized = listener;
  return () => {
    if (onUnauthorized === listener) onUnauthorized = () => {};
  };
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Login answers 401 for wrong credentials; that is not an expired session. */
  ignoreUnauthorized?: boolean;
  headers?: Record<string, string>;
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, "network", "Can't reach the Handoff server. Check your connection and try again.");
  }
  if (!response.ok) throw await errorFrom(response, options);
  return response;
}

async function errorFrom(response: Response, options: RequestOptions): Promise<ApiError> {
  if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized();
  const body = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, requestId, issues } = parsed.data.error;
    return new ApiError(response.status, code, message, requestId, issues ?? []);
  }
  return new ApiError(
    response.status,
    "bad_response",
    `The server answered HTTP ${response.status}.`,
    response.headers.get("x-request-id"),
  );
}

export async function json<S extends z.ZodType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<z.output<S>> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "bad_response",
      "The server sent a response this console does not understand.",
      response.headers.get("x-request-id"),
    );
  }
  return parsed.data;
}

export const api = {
  login(credentials: LoginRequest): Promise<Agent> {
    return json(API_PATHS.login, agentSchema, { method: "POST", body: credentials, ignoreUnauthorized: true });
  },

  /** The signed-in agent, or null when there is no valid session. */
  async me(signal?: AbortSignal): Promise<Agent | null> {
    try {
      return await json(API_PATHS.me, agentSchema, { signal, ignoreUnauthorized: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  async logout(): Promise<void> {
    await send(API_PATHS.logout, { method: "POST", ignoreUnauthorized: true });
  },

  /** The queue; every filter of the shared ticketListQuerySchema, empty ones left out. */
  listTickets(
    query: Partial<Omit<TicketListQuery, "cursor">> & { cursor?: string | null },
    signal?: AbortSignal,
  ): Promise<TicketList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
    const search = params.size ? `?${params}` : "";
    return json(`${API_PATHS.tickets}${search}`, ticketListSchema, { signal });
  },

  updateTicket(id: string, changes: TicketUpdate): Promise<TicketDetail> {
    return json(API_PATHS.ticket(encodeURIComponent(id)), ticketDetailSchema, { method: "PATCH", body: changes });
  },

  /** The newest page of the conversation, or the page before `before` (a previous page's olderCursor). */
  listMessages(id: string, options: { before?: string; signal?: AbortSignal } = {}): Promise<MessageList> {
    const query = options.before ? `?before=${encodeURIComponent(options.before)}` : "";
    return json(`${CONVERSATION_PATHS.ticketMessages(encodeURIComponent(id))}${query}`, messageListSchema, {
      signal: options.signal,
    });
  },

  async listEvents(id: string, signal?: AbortSignal): Promise<TicketEvent[]> {
    return (await json(CONVERSATION_PATHS.ticketEvents(encodeURIComponent(id)), ticketEventListSchema, { signal }))
      .events;
  },

  /** `idempotencyKey`: one per composed message, the same when it is sent again, so it is stored once. */
  postMessage(id: string, message: AgentMessageCreate, idempotencyKey: string): Promise<Message> {
    return json(CONVERSATION_PATHS.ticketMessages(encodeURIComponent(id)), messageSchema, {
      method: "POST",
      body: message,
      headers: { "Idempotency-Key": idempotencyKey },
    });
  },

  createAgent(agent: AgentCreateInput): Promise<AgentListItem> {
    return json(ADMIN_PATHS.agents, agentListItemSchema, { method: "POST", body: agent });
  },

  updateAgent(id: string, changes: AgentUpdate): Promise<AgentListItem> {
    return json(ADMIN_PATHS.agent(encodeURIComponent(id)), agentListItemSchema, { method: "PATCH", body: changes });
  },

  workspace(signal?: AbortSignal): Promise<WorkspaceSettings> {
    return json(ADMIN_PATHS.workspace, workspaceSettingsSchema, { signal });
  },

  updateWorkspace(changes: WorkspaceUpdate): Promise<WorkspaceSettings> {
    return json(ADMIN_PATHS.workspace, workspaceSettingsSchema, { method: "PATCH", body: changes });
  },

  createSiteKey(label: string): Promise<SiteKeyInfo> {
    return json(ADMIN_PATHS.siteKeys, siteKeyInfoSchema, { method: "POST", body: { label } });
  },

  async revokeSiteKey(key: string): Promise<void> {
    await send(ADMIN_PATHS.siteKey(encodeURIComponent(key)), { method: "DELETE" });
  },

  async rotateIdentitySecret(): Promise<string> {
    const response = await send(ADMIN_PATHS.rotateIdentitySecret, { method: "POST", body: {} });
    return ((await response.json()) as { identitySecret: string }).identitySecret;
  },

  async listAgents(signal?: AbortSignal): Promise<AgentListItem[]> {
    return (await json(ADMIN_PATHS.agents, agentListSchema, { signal })).agents;
  },

  getTicket(id: string, signal?: AbortSignal): Promise<TicketDetail> {
    return json(API_PATHS.ticket(encodeURIComponent(id)), ticketDetailSchema, { signal });
  },

  markSecurityFalseAlarm(id: string): Promise<TicketDetail> {
    return json(API_PATHS.ticketSecurityFalseAlarm(encodeURIComponent(id)), ticketDetailSchema, { method: "POST" });
  },

  /** The raw rrweb events; the browser undoes Content-Encoding: gzip. Validated by the replay model. */
  /** The rrweb events, and the Content-Security-Policy the server allows their replay (its assets' origins). */
  async getRecording(id: string, signal?: AbortSignal): Promise<{ events: unknown; policy: string | null }> {
    const response = await send(API_PATHS.ticketRecording(encodeURIComponent(id)), { signal });
    return { events: await response.json(), policy: response.headers.get("Handoff-Replay-Policy") };
  },
};
