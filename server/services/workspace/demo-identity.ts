import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { workspaces } from "../../db/schema.js";
import type { Identity } from "../../../shared/context.js";
import { hmacHex } from "../../lib/crypto.js";
import { signHs256 } from "../../lib/jwt.js";
import { notFound } from "../service-error.js";

/** The demo's signed-in user, signed as a host app's backend would sign it for identify(). */
export async function demoIdentity(db: Db, input: { siteKey: string }): Promise<Identity> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.siteKey, input.siteKey)).limit(1);
  if (!workspace) throw notFound("Demo workspace");
  const user = {
    id: "usr_demo_42",
    email: "jamie@northwind.example",
    name: "Jamie Rivera",
    company: "Northwind Traders",
    plan: "enterprise",
  };
  const { id, ...claims } = user;
  return {
    ...user,
    // The older id-only signature, and the JWT that signs every field (what new integrations should send).
    userHash: hmacHex(workspace.identitySecret, id),
    jwt: signHs256({ sub: id, ...claims, exp: Math.floor(Date.now() / 1000) + 3600 }, workspace.identitySecret),
  };
}
