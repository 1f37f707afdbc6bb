import { eq } from "drizzle-orm";
import type { Agent } from "../../../shared/agent-api.js";
import { type AgentNotificationPrefs, agentEmailKinds } from "../../../shared/notifications-api.js";
import type { Db } from "../../db/client.js";
import { agentNotificationPrefs } from "../../db/schema-notifications.js";

const withDefaults = (stored: Record<string, boolean> | undefined): AgentNotificationPrefs => ({
  email: Object.fromEntries(agentEmailKinds.map((k) => [k, stored?.[k] !== false])) as AgentNotificationPrefs["email"],
});

/** Account → my notifications: which emails this agent gets. */
export async function getAgentNotificationPrefs(db: Db, input: { agent: Agent }): Promise<AgentNotificationPrefs> {
  const [row] = await db
    .select({ email: agentNotificationPrefs.email })
    .from(agentNotificationPrefs)
    .where(eq(agentNotificationPrefs.agentId, input.agent.id));
  return withDefaults(row?.email);
}

export async function updateAgentNotificationPrefs(
  db: Db,
  input: { agent: Agent; email: Partial<Record<string, boolean>> },
): Promise<AgentNotificationPrefs> {
  const current = await getAgentNotificationPrefs(db, input);
  const email = { ...current.email, ...input.email } as Record<string, boolean>;
  await db
    .insert(agentNotificationPrefs)
    .values({ agentId: input.agent.id, email })
    .onConflictDoUpdate({ target: agentNotificationPrefs.agentId, set: { email, updatedAt: new Date() } });
  return withDefaults(email);
}
