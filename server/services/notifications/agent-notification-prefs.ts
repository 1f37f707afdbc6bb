import type { AgentActor } from "../../access/actor.js";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import {
  type AgentNotificationPrefs,
  agentEmailKinds,
  type agentNotificationPrefsSchema,
} from "../../../shared/notifications-api.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { agentNotificationPrefs } from "../../db/schema-notifications.js";

type Row = { email: Record<string, boolean>; emailEnabled: boolean } | undefined;

const view = (config: Config, row: Row): AgentNotificationPrefs => ({
  emailEnabled: row?.emailEnabled ?? true,
  email: Object.fromEntries(
    agentEmailKinds.map((k) => [k, row?.email[k] !== false]),
  ) as AgentNotificationPrefs["email"],
  smtpConfigured: Boolean(config.notifications.smtpUrl),
});

async function readRow(db: Db, agentId: string): Promise<Row> {
  const [row] = await db
    .select({ email: agentNotificationPrefs.email, emailEnabled: agentNotificationPrefs.emailEnabled })
    .from(agentNotificationPrefs)
    .where(eq(agentNotificationPrefs.agentId, agentId));
  return row;
}

/** Account → my notifications: whether this agent gets notification emails, and which kinds. */
export async function getAgentNotificationPrefs(
  db: Db,
  config: Config,
  input: { actor: AgentActor },
): Promise<AgentNotificationPrefs> {
  return view(config, await readRow(db, input.actor.id));
}

export async function updateAgentNotificationPrefs(
  db: Db,
  config: Config,
  input: { actor: AgentActor; changes: z.infer<typeof agentNotificationPrefsSchema> },
): Promise<AgentNotificationPrefs> {
  const current = view(config, await readRow(db, input.actor.id));
  const email = { ...current.email, ...input.changes.email } as Record<string, boolean>;
  const emailEnabled = input.changes.emailEnabled ?? current.emailEnabled;
  await db
    .insert(agentNotificationPrefs)
    .values({ agentId: input.actor.id, email, emailEnabled })
    .onConflictDoUpdate({
      target: agentNotificationPrefs.agentId,
      set: { email, emailEnabled, updatedAt: new Date() },
    });
  return view(config, { email, emailEnabled });
}
