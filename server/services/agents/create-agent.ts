import type { AgentActor } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import { agents } from "../../db/schema.js";
import type { AgentCreate, AgentListItem } from "../../../shared/admin-api.js";
import { hashPassword } from "../../lib/crypto.js";
import { assertAdmin } from "../../access/admin-only.js";
import { toAgentListItem } from "./list-agents.js";
import { isUniqueViolation, ServiceError } from "../service-error.js";

/** An admin adds an agent to their workspace. Emails are unique across the server (they are the login). */
export async function createAgent(db: Db, input: { actor: AgentActor; agent: AgentCreate }): Promise<AgentListItem> {
  assertAdmin(input.actor);
  const { agent } = input;
  try {
    const [row] = await db
      .insert(agents)
      .values({
        workspaceId: input.actor.workspaceId,
        email: agent.email.toLowerCase(),
        name: agent.name,
        passwordHash: await hashPassword(agent.password),
        mustChangePassword: agent.temporaryPassword,
        role: agent.role,
        tier: agent.tier,
        skills: [...new Set(agent.skills)],
      })
      .returning();
    return toAgentListItem(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServiceError("conflict", "An agent with this email already exists", [
        { path: "email", message: "already used by another agent" },
      ]);
    }
    throw error;
  }
}
