import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import type { Identity } from "../../../shared/context.js";
import { hmacHex } from "../../lib/crypto.js";
import { notFound } from "../service-error.js";

/** The demo's signed-in user, signed as a host app's backend would sign it for identify(). */
export async function demoIdentity(db: Db, input: { siteKey: string }): Promise<Identity> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.siteKey, input.siteKey)).limit(1);
  if (!workspace) throw notFound("Demo workspace");
  const id = "usr_demo_42";
  return {
    id,
    email: "jamie@northwind.example",
    name: "Jamie Rivera",
    company: "Northwind Traders",
    plan: "enterprise",
    userHash: hmacHex(workspace.identitySecret, id),
  };
}
