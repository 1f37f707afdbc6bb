import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { agents, sessions } from "../db/schema.js";
import type { Agent } from "../../shared/agent-api.js";
import { sha256 } from "../lib/crypto.js";
import { ServiceError } from "../services/service-error.js";
import { toAgent } from "../services/agents/agent-view.js";

/** The agent behind a session cookie, if the session exists, has not expired, and the agent is active. */
export async function authenticateSession(db: Db, input: { token: string | undefined; now?: Date }): Promise<Agent> {
  if (!input.token) throw new ServiceError("unauthorized", "Log in first");
  const [row] = await db
    .select({ agent: agents })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.tokenHash, sha256(input.token)), gt(sessions.expiresAt, input.now ?? new Date())))
    .limit(1);
  if (!row?.agent.active) throw new ServiceError("unauthorized", "Your session has expired; log in again");
  return toAgent(row.agent);
}
