/** The public window.Handoff / init() API. */
import type { Identity, Metadata } from "../shared/context.js";

export interface TicketCreatedEvent {
  id: string;
  reference: string;
}

export interface HandoffEvents {
  "ticket:created": TicketCreatedEvent;
  open: undefined;
  close: undefined;
  /** Unread support replies, whenever the count changes: for a page's own help button (data-launcher="false"). */
  unread: number;
}

export interface HandoffApi {
  open(): void;
  close(): void;
  /**
   * Who the customer is. Trusted by support only when signed by your server: `jwt` (HS256, claims sub, email, name,
   * company, plan, exp) verifies every field; the older `userHash` verifies the id alone.
   */
  identify(identity: Identity): void;
  /** Extra key/values sent with tickets (plan, feature flags…): strings up to 500 chars, numbers, booleans, null. */
  setMetadata(metadata: Metadata): void;
  on<K extends keyof HandoffEvents>(event: K, callback: (payload: HandoffEvents[K]) => void): () => void;
  /** Stops recording and capture, removes the UI, forgets identity and metadata. */
  shutdown(): void;
}

const IDENTITY_KEYS = ["id", "email", "name", "company", "plan", "userHash", "jwt"] as const;
const IDENTITY_MAX: Record<(typeof IDENTITY_KEYS)[number], number> = {
  id: 200,
  email: 320,
  name: 200,
  company: 200,
  plan: 64,
  userHash: 128,
  jwt: 4096,
};

/** What the developer passed that is left out, said once per ticket in the page's console (never the values). */
const leftOut = (call: string, what: string) => console.warn(`[Handoff] ${call}: ${what}; left out of this ticket`);

/** Keeps only known identity fields with string values, trimmed to the server's limits. */
export function cleanIdentity(input: unknown): Identity {
  const out: Identity = {};
  if (!input || typeof input !== "object") return out;
  for (const key of Object.keys(input))
    if (!(IDENTITY_KEYS as readonly string[]).includes(key))
      leftOut("identify()", `unknown field "${key}" (fields: ${IDENTITY_KEYS.join(", ")})`);
  for (const key of IDENTITY_KEYS) {
    let value = (input as Record<string, unknown>)[key];
    if (typeof value === "number") value = String(value);
    if (typeof value === "string" && value.trim()) out[key] = value.trim().slice(0, IDENTITY_MAX[key]);
    else if (value != null && typeof value !== "string") leftOut("identify()", `${key} must be a string`);
  }
  if (out.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out.email)) {
    leftOut("identify()", "email is not an email address");
    delete out.email;
  }
  return out;
}

/** Merges metadata, keeping what the server accepts (<= 50 keys, keys <= 64 chars, primitives, <= 4 KB). */
export function mergeMetadata(current: Metadata, input: unknown): Metadata {
  const next: Metadata = { ...current };
  if (!input || typeof input !== "object") return next;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key.length > 64) continue;
    if (value === undefined) delete next[key];
    else if (typeof value === "string") next[key] = value.slice(0, 500);
    else if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean" || value === null)
      next[key] = value;
    else leftOut("setMetadata()", `${key} must be a string, number, boolean or null`);
  }
  const keys = Object.keys(next);
  while (keys.length > 50 || JSON.stringify(next).length > 4096) {
    const key = keys.pop();
    if (key === undefined) break;
    delete next[key];
  }
  return next;
}
