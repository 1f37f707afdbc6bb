import type { Context } from "hono";
import type { AppEnv } from "../env.js";

/** This server's origin: the configured public URL, or what the request was addressed to. */
export function ownOrigin(c: Context<AppEnv>): string {
  return c.get("config").publicUrl ?? new URL(c.req.url).origin;
}

/**
 * The page's origin for widget routes. Browsers leave Origin out of same-origin GETs (a page on this server, like
 * the demo); they always send Sec-Fetch-Site, which pages cannot forge, so such a request counts as this server's own.
 */
export function requestOrigin(c: Context<AppEnv>): string | undefined {
  return c.req.header("origin") ?? (c.req.header("sec-fetch-site") === "same-origin" ? ownOrigin(c) : undefined);
}
