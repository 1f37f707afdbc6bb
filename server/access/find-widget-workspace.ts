import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { siteKeys, workspaces } from "../db/schema.js";
import { originAllowed } from "../../shared/admin-api.js";
import { ServiceError } from "../services/service-error.js";
import { cachedSiteKey } from "./site-key-cache.js";
import { logger } from "../observability/logger.js";
import { recordRefusedOrigin } from "../services/workspace/record-refused-origin.js";

export type Workspace = typeof workspaces.$inferSelect;

/**
 * The workspace behind a public site key, if the calling page may use it: its Origin must be one of the
 * workspace's allowed origins (or this server's own origin, which serves the demo).
 */
export async function findWidgetWorkspace(
  db: Db,
  input: { siteKey: string | undefined; origin: string | undefined; ownOrigin: string },
): Promise<Workspace> {
  if (!input.siteKey) throw new ServiceError("unauthorized", "Missing site key (X-Handoff-Key header or ?key=)");
  const workspace = await cachedSiteKey(db, input.siteKey, () => workspaceBySiteKey(db, input.siteKey!));
  if (!workspace) throw new ServiceError("unauthorized", "Unknown or revoked site key");
  await assertOriginAllowed(db, workspace, input.origin, input.ownOrigin);
  return workspace;
}

/**
 * Refuses a page whose origin nobody allowed. The refusal is recorded for the workspace's admins (Admin > Widget
 * settings lists it with "Allow") and logged as often as it is recorded: a developer who pasted the script tag on a
 * new origin learns why no ticket arrives, from the console or the log.
 */
export async function assertOriginAllowed(db: Db, workspace: Workspace, origin: string | undefined, ownOrigin: string) {
  if (!origin) throw new ServiceError("forbidden", "Requests from the widget must carry an Origin header");
  const normalized = origin.replace(/\/$/, "");
  if (normalized === ownOrigin || originAllowed(workspace.allowedOrigins, normalized)) return;
  const recorded = await recordRefusedOrigin(db, { workspaceId: workspace.id, origin: normalized }).catch((error) => {
    logger.error({ err: error, workspaceId: workspace.id }, "a refused origin could not be recorded");
    return false;
  });
  if (recorded) {
    logger.warn(
      { workspaceId: workspace.id, origin: normalized },
      "the widget was refused on a page whose origin is not allowed: add it in Admin > Widget settings > Allowed origins if it is yours",
    );
  }
  throw new ServiceError(
    "forbidden",
    // "null" cannot be allowed (every sandboxed frame sends it): the page itself has to move.
    normalized === "null"
      ? "This page has no origin (opened from a file, or in a sandboxed frame), so the widget cannot be used on it; serve the page over http(s) from one of the workspace's allowed origins"
      : `Origin ${normalized} is not allowed for this site key; add it to the workspace's allowed origins`,
  );
}

/**
 * The workspace's first key, or one of its extra keys that has not been revoked. A key with its own identity secret
 * (the demo app's) carries it in place of the workspace's, so identify() through that key is checked with it alone.
 */
export async function workspaceBySiteKey(db: Db, siteKey: string): Promise<Workspace | undefined> {
  const [primary] = await db.select().from(workspaces).where(eq(workspaces.siteKey, siteKey)).limit(1);
  if (primary) return primary;
  const [extra] = await db
    .select({ workspace: workspaces, identitySecret: siteKeys.identitySecret })
    .from(siteKeys)
    .innerJoin(workspaces, eq(workspaces.id, siteKeys.workspaceId))
    .where(and(eq(siteKeys.key, siteKey), isNull(siteKeys.revokedAt)))
    .limit(1);
  if (!extra) return undefined;
  return extra.identitySecret ? { ...extra.workspace, identitySecret: extra.identitySecret } : extra.workspace;
}
