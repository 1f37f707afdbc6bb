import type { Context } from "hono";
import type { AppEnv } from "../env.js";

/** This server's origin: the configured public URL, or what the request was addressed to. */
export function ownOrigin(c: Context<AppEnv>): string {
  return c.get("config").publicUrl ?? new URL(c.req.url).origin;
}
