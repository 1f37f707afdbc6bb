import { agentActor } from "../access/actor.js";
import type { MiddlewareHandler } from "hono";
import { readSessionCookie } from "../access/session-cookie.js";
import { authenticateSession } from "../access/authenticate-session.js";
import { assertPasswordChosen } from "../access/password-change-gate.js";
import { ServiceError } from "../services/service-error.js";
import type { AppEnv } from "../env.js";
import { ownOrigin } from "../access/origin.js";
import { apiTokenOf, runAsToken } from "./token-auth.js";
import { API_TOKEN_PREFIX } from "../access/authenticate-token.js";

/** Every agent route: a valid session cookie or API token (Bearer), or 401. */
export function requireAgent(): MiddlewareHandler<AppEnv> {
  return async function requireAgentMiddleware(c, next) {
    // Several routers mounted on one prefix each require an agent: authenticate once per request.
    if (c.get("actor")) return next();
    // A page on another origin asking first (a CORS preflight) is told why its call fails, not "Log in first".
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      const origin = c.req.header("origin");
      if (origin && origin !== ownOrigin(c)) throw new ServiceError("forbidden", CROSS_ORIGIN_REFUSED);
    }
    const token = apiTokenOf(c);
    if (token) return runAsToken(c, token, next);
    // A script that sent some other credential reads what is wrong, not the console's "Log in first".
    if (!readSessionCookie(c) && /^(Bearer|Basic|Token)\s/i.test(c.req.header("authorization") ?? "")) {
      throw new ServiceError(
        "unauthorized",
        `This API takes an API token as "Authorization: Bearer ${API_TOKEN_PREFIX}…" (Admin > API tokens)`,
      );
    }
    const agent = await authenticateSession(c.get("db"), { token: readSessionCookie(c) });
    assertPasswordChosen(agent, { method: c.req.method, path: c.req.path });
    c.set("actor", agentActor(agent));
    await next();
  };
}

const CROSS_ORIGIN_REFUSED =
  "The agent API answers no cross-origin requests (no CORS): call it from your server with an API token; a token in a web page is readable by anyone who opens the page";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated routes refuse state changes from other sites: SameSite=Lax already stops most,
 * the Origin / Sec-Fetch-Site check stops the rest (e.g. a sibling subdomain).
 */
export function sameOriginOnly(): MiddlewareHandler<AppEnv> {
  return async function sameOriginOnlyMiddleware(c, next) {
    // A Bearer token is never sent by the browser on its own, so it needs no same-origin check.
    if (!SAFE_METHODS.has(c.req.method) && !apiTokenOf(c)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if ((origin && origin !== ownOrigin(c)) || site === "cross-site") {
        throw new ServiceError("forbidden", "Cross-site request refused");
      }
    }
    await next();
  };
}
