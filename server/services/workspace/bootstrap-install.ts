import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { siteKeys, workspaces } from "../../db/schema.js";
import { randomToken } from "../../lib/crypto.js";
import { ensureDemoWorkspace, type EnsureDemoWorkspaceResult } from "./ensure-demo-workspace.js";

export interface BootstrapInput {
  /** HANDOFF_SITE_KEY: the workspace's own key on first start; generated when not set. */
  siteKey?: string;
  /** The demo app's key, only while the demo is on (HANDOFF_DEMO). */
  demoSiteKey?: string;
  allowedOrigins: string[];
  adminEmail: string;
  adminPassword?: string;
}

export interface BootstrapResult extends EnsureDemoWorkspaceResult {
  /**
   * An install from before the demo had a key of its own: its workspace's first key is the demo key, so the demo
   * signs with the secret real apps use too. Start-up says so.
   */
  demoSharesWorkspaceKey: boolean;
}

/**
 * Every start: the install's workspace (created with its first admin on first start) and, while the demo is on, the
 * demo app's key in it. That key has an identity secret of its own: the demo's backend signs its user with it, and
 * such a signature is good on that key only, never on the key the workspace's real apps use.
 */
export async function bootstrapInstall(db: Db, input: BootstrapInput): Promise<BootstrapResult> {
  // Processes started together on a fresh database would each create a workspace under a key of its own.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('handoff:bootstrap'))`);
    return bootstrapLocked(tx, input);
  });
}

async function bootstrapLocked(db: Db, input: BootstrapInput): Promise<BootstrapResult> {
  const { demoSiteKey } = input;
  const existing = await installWorkspaceKey(db, demoSiteKey);
  const result = await ensureDemoWorkspace(db, {
    siteKey: existing ?? input.siteKey ?? `pk_${randomToken(18)}`,
    name: "My workspace",
    allowedOrigins: input.allowedOrigins,
    adminEmail: input.adminEmail,
    adminPassword: input.adminPassword,
  });
  const demoSharesWorkspaceKey = !!demoSiteKey && result.workspace.siteKey === demoSiteKey;
  if (demoSiteKey && !demoSharesWorkspaceKey) {
    await db
      .insert(siteKeys)
      .values({ key: demoSiteKey, workspaceId: result.workspace.id, label: "Demo app", identitySecret: randomToken() })
      .onConflictDoNothing();
  }
  return { ...result, demoSharesWorkspaceKey };
}

/** The first key of the workspace this install already has: the one holding the demo key, else the oldest. */
async function installWorkspaceKey(db: Db, demoSiteKey: string | undefined): Promise<string | undefined> {
  if (demoSiteKey) {
    const [legacy] = await db
      .select({ key: workspaces.siteKey })
      .from(workspaces)
      .where(eq(workspaces.siteKey, demoSiteKey))
      .limit(1);
    if (legacy) return legacy.key;
    const [holder] = await db
      .select({ key: workspaces.siteKey })
      .from(siteKeys)
      .innerJoin(workspaces, eq(workspaces.id, siteKeys.workspaceId))
      .where(eq(siteKeys.key, demoSiteKey))
      .limit(1);
    if (holder) return holder.key;
  }
  const [oldest] = await db
    .select({ key: workspaces.siteKey })
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  return oldest?.key;
}
