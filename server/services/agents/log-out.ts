import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { sessions } from "../../db/schema.js";
import { sha256 } from "../../lib/crypto.js";

export async function logOut(db: Db, input: { token: string }): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(input.token)));
}
