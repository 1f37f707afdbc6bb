import { agentActor } from "../access/actor.js";
import type { Context, Next } from "hono";
import { API_TOKEN_PREFIX, apiTokenActor, authenticateApiToken } from "../access/authenticate-token.js";
import type { AppEnv } from "../env.js";
import { ServiceError } from "../services/service-error.js";

/** Calls per token and minute, per process: a script can work a queue, not hammer the server. */
const TOKEN_LIMIT = Number(process.env.HANDOFF_TOKEN_RATE_LIMIT) || 600;
const WINDOW_MS = 60_000;
const windows = new Map<string, { count: number; resetAt: number }>();

/** The API token in `Authorization: Bearer hot_…`, if the request carries one. */
export function apiTokenOf(c: Context): string | undefined {
  const token = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return token?.startsWith(API_TOKEN_PREFIX) ? token : undefined;
}

/** Authenticates the token, applies its rate limit, and runs the rest of the request as that token. */
export async function runAsToken(c: Context<AppEnv>, token: string, next: Next): Promise<void> {
  const principal = await authenticateApiToken(c.get("db"), { token, method: c.req.method, path: c.req.path });
  const now = Date.now();
  let window = windows.get(principal.tokenId);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + WINDOW_MS };
    windows.set(principal.tokenId, window);
  }
  if (++window.count > TOKEN_LIMIT) {
    const retryAfter = Math.ceil((window.resetAt - now) / 1000);
    throw new ServiceError("rate_limited", "This API token made too many calls; slow down", undefined, retryAfter);
  }
  c.set("actor", agentActor(principal.agent));
  await apiTokenActor.run({ id: principal.tokenId, name: principal.name }, () => next());
}
