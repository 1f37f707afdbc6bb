import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { siteKeys, workspaces } from "../../db/schema.js";
import type { Identity } from "../../../shared/context.js";
import { hmacHex } from "../../lib/crypto.js";
import { signHs256 } from "../../lib/jwt.js";
import { notFound } from "../service-error.js";

/**
 * The demo's signed-in user, signed as a host app's backend would sign it for identify(): with the demo key's own
 * identity secret, so the signature is good on that key only. (An install from before demo keys had their own
 * secret, whose primary key is the demo key, signs with the workspace's: start-up warns about it.)
 */
export async function demoIdentity(db: Db, input: { siteKey: string }): Promise<Identity> {
  const secret = await demoSecret(db, input.siteKey);
  if (!secret) throw notFound("Demo site key");
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
    userHash: hmacHex(secret, id),
    jwt: signHs256({ sub: id, ...claims, exp: Math.floor(Date.now() / 1000) + 3600 }, secret),
  };
}

async function demoSecret(db: Db, siteKey: string): Promise<string | undefined> {
  const [key] = await db
    .select({ secret: siteKeys.identitySecret })
    .from(siteKeys)
    .where(and(eq(siteKeys.key, siteKey), isNull(siteKeys.revokedAt)))
    .limit(1);
  if (key) return key.secret ?? undefined;
  const [legacy] = await db.select().from(workspaces).where(eq(workspaces.siteKey, siteKey)).limit(1);
  return legacy?.identitySecret;
}
