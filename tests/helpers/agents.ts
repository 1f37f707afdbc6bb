import type { Db } from "../../server/db/client.js";
import { agents } from "../../server/db/schema.js";
import { hashPassword } from "../../server/lib/crypto.js";

export const AGENT_PASSWORD = "agent password 123";

/** An agent written straight into the database (the agents admin API belongs to another issue). */
export async function createAgent(
  db: Db,
  input: {
    workspaceId: string;
    email: string;
    name?: string;
    tier?: number;
    skills?: string[];
    role?: "agent" | "admin";
    available?: boolean;
  },
) {
  const [row] = await db
    .insert(agents)
    .values({
      workspaceId: input.workspaceId,
      email: input.email,
      name: input.name ?? input.email.split("@")[0]!,
      passwordHash: await hashPassword(AGENT_PASSWORD),
      role: input.role ?? "agent",
      tier: input.tier ?? 1,
      skills: input.skills ?? [],
      available: input.available ?? true,
    })
    .returning();
  return { ...row!, password: AGENT_PASSWORD };
}
