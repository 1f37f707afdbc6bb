import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, sessions } from "../../db/schema.js";
import type { Agent, LoginRequest } from "../../../shared/agent-api.js";
import { hashPassword, needsRehash, randomToken, sha256, verifyPassword } from "../../lib/crypto.js";
import { ServiceError } from "../service-error.js";
import { toAgent } from "./agent-view.js";

// Compared against when the email is unknown, so both cases take the same time.
const dummyHash = hashPassword("not-a-real-password");

/** Verifies credentials and opens a session; the returned token goes in the cookie, only its hash is stored. */
export async function logIn(
  db: Db,
  input: LoginRequest & { ttlMs: number; now?: Date },
): Promise<{ agent: Agent; token: string; expiresAt: Date }> {
  const [row] = await db
    .select()
    .from(agents)
    .where(eq(sql`lower(${agents.email})`, input.email.toLowerCase()))
    .limit(1);
  const ok = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || !row.active) throw new ServiceError("unauthorized", "Wrong email or password");
  // Older hashes move to today's cost transparently, while the password is at hand.
  if (needsRehash(row.passwordHash)) {
    await db
      .update(agents)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(agents.id, row.id));
  }
  const token = randomToken();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + input.ttlMs);
  await db.insert(sessions).values({ tokenHash: sha256(token), agentId: row.id, expiresAt });
  return { agent: toAgent(row), token, expiresAt };
}
