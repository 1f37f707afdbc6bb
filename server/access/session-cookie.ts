import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env.js";
import { isHttps } from "../middleware/security-headers.js";

/** The session cookie's name over plain http (local development); over https it is __Host- prefixed. */
export const SESSION_COOKIE = "handoff_session";

/**
 * Over https the browser keeps the session as `__Host-handoff_session`: it only accepts that name with Secure,
 * Path=/ and no Domain, so a sibling subdomain (or a network attacker on http) can neither plant nor overwrite a
 * session for this server. Plain http (localhost) keeps the bare name, which browsers would refuse with the prefix.
 * The public URL decides, since a TLS-terminating proxy forwards plain http.
 */
function overHttps(c: Context<AppEnv>): boolean {
  return isHttps(c.get("config").publicUrl, c.req.url);
}

/** The session token the browser sent, under the one name this server's scheme allows. */
export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return overHttps(c) ? getCookie(c, SESSION_COOKIE, "host") : getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, expires: Date): void {
  const options = { httpOnly: true, sameSite: "Lax", path: "/", expires } as const;
  if (overHttps(c)) setCookie(c, SESSION_COOKIE, token, { ...options, secure: true, prefix: "host" });
  else setCookie(c, SESSION_COOKIE, token, options);
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  if (overHttps(c)) deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true, prefix: "host" });
  else deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
