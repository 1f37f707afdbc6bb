import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { workspaces } from "../db/schema.js";

/** The response header that carries the policy to the console, which applies it to the replay's document. */
export const REPLAY_POLICY_HEADER = "Handoff-Replay-Policy";

// Only plain origins reach a policy: anything else could smuggle a directive (";") or a wildcard into it.
const PLAIN_ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * What a replayed recording may load. A recording is attacker-controlled, so its images, styles, fonts and media may
 * come only from the workspace's allowed origins (the customer's own site) and this server ('self', the console's
 * origin, which the replay document inherits); scripts, frames, plugins, prefetches and everything else are refused.
 * Being a Content-Security-Policy it holds for every rrweb node type (srcset, CSS url(), @import, @font-face, video)
 * without sanitising each one.
 */
export function replayAssetPolicy(allowedOrigins: readonly string[]): string {
  const sources = ["'self'", ...new Set(allowedOrigins.filter((o) => PLAIN_ORIGIN.test(o)))].join(" ");
  return [
    "default-src 'none'",
    `img-src ${sources} data: blob:`,
    // rrweb rebuilds inline <style> and style="" attributes: they are the page's look, and load nothing by themselves.
    `style-src ${sources} 'unsafe-inline'`,
    `font-src ${sources} data:`,
    `media-src ${sources} data: blob:`,
    "script-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The replay policy for one workspace's recordings. */
export async function replayPolicyFor(db: Db, input: { workspaceId: string }): Promise<string> {
  const [row] = await db
    .select({ allowedOrigins: workspaces.allowedOrigins })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId))
    .limit(1);
  return replayAssetPolicy(row?.allowedOrigins ?? []);
}
