import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, workspaces } from "../../db/schema.js";
import { hashPassword, randomToken } from "../../lib/crypto.js";
import type { Workspace } from "../../access/find-widget-workspace.js";

export interface EnsureDemoWorkspaceInput {
  siteKey: string;
  /** The workspace's name when it is created now (admins rename it in the console). */
  name?: string;
  allowedOrigins: string[];
  adminEmail: string;
  adminPassword?: string;
}

export interface EnsureDemoWorkspaceResult {
  workspace: Workspace;
  /** Set only when the admin was created now with a generated password: print it once. */
  generatedPassword?: string;
  adminCreated: boolean;
}

/** First start: the demo workspace and, if no agent exists yet, an admin. Later starts only merge allowed origins. */
export async function ensureDemoWorkspace(db: Db, input: EnsureDemoWorkspaceInput): Promise<EnsureDemoWorkspaceResult> {
  let [workspace] = await db.select().from(workspaces).where(eq(workspaces.siteKey, input.siteKey)).limit(1);
  if (!workspace) {
    [workspace] = await db
      .insert(workspaces)
      .values({
        name: input.name ?? "Demo workspace",
        siteKey: input.siteKey,
        allowedOrigins: input.allowedOrigins,
        identitySecret: randomToken(),
        uploadSecret: randomToken(),
      })
      .onConflictDoNothing()
      .returning();
    // Another process created it between our select and insert.
    if (!workspace)
      [workspace] = await db.select().from(workspaces).where(eq(workspaces.siteKey, input.siteKey)).limit(1);
  } else {
    const missing = input.allowedOrigins.filter((o) => !workspace!.allowedOrigins.includes(o));
    if (missing.length) {
      [workspace] = await db
        .update(workspaces)
        .set({ allowedOrigins: [...workspace.allowedOrigins, ...missing] })
        .where(eq(workspaces.id, workspace.id))
        .returning();
    }
  }
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(agents)
    .where(eq(agents.workspaceId, workspace.id));
  if (count > 0) return { workspace, adminCreated: false };
  const password = input.adminPassword ?? randomToken(12);
  await db
    .insert(agents)
    .values({
      workspaceId: workspace.id,
      email: input.adminEmail,
      name: "Admin",
      passwordHash: await hashPassword(password),
      // A generated password has been printed to a terminal (and maybe a log): it is only good for one login.
      mustChangePassword: input.adminPassword === undefined,
      role: "admin",
      tier: 3,
      skills: ["billing", "technical", "account"],
    })
    .onConflictDoNothing();
  return { workspace, adminCreated: true, generatedPassword: input.adminPassword ? undefined : password };
}
