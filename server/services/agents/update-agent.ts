import type { AgentActor } from "../../access/actor.js";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, sessions } from "../../db/schema.js";
import type { AgentListItem, AgentUpdate } from "../../../shared/admin-api.js";
import { hashPassword, sha256, verifyPassword } from "../../lib/crypto.js";
import { countOpenTickets, toAgentListItem } from "./list-agents.js";
import { releaseAgentTickets } from "./release-agent-tickets.js";
import { notFound, ServiceError } from "../service-error.js";

const SELF_FIELDS = new Set(["name", "password", "currentPassword", "available"]);

/**
 * Admins change any agent of their workspace; agents change their own name, availability and password (proving
 * the current one). A new password ends every other session of that agent; deactivation ends all of them and sends
 * the tickets waiting on them back to routing. An agent
 * whose password is temporary may change nothing else until they have chosen their own.
 */
export async function updateAgent(
  db: Db,
  input: { actor: AgentActor; agentId: string; changes: AgentUpdate; currentSessionToken?: string },
): Promise<AgentListItem> {
  const { actor, agentId, changes } = input;
  const self = actor.id === agentId;
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(agents)
      .where(and(eq(agents.id, agentId), eq(agents.workspaceId, actor.workspaceId)))
      .for("update")
      .limit(1);
    if (!target) throw notFound("Agent");
    if (actor.role !== "admin") {
      if (!self || Object.keys(changes).some((k) => !SELF_FIELDS.has(k))) {
        throw new ServiceError(
          "forbidden",
          self ? "Only an admin can change role, tier, skills or status" : "Only an admin can change other agents",
        );
      }
    }
    if (self && target.mustChangePassword && changes.password === undefined) {
      throw new ServiceError("password_change_required", "Choose a new password first");
    }
    if (changes.password !== undefined && self) {
      const ok =
        changes.currentPassword !== undefined && (await verifyPassword(changes.currentPassword, target.passwordHash));
      if (!ok)
        throw new ServiceError("validation_failed", "1 field is invalid", [
          { path: "currentPassword", message: "your current password is wrong" },
        ]);
      // The temporary password was seen by someone else: "changing" it to itself would keep it.
      if (target.mustChangePassword && changes.password === changes.currentPassword)
        throw new ServiceError("validation_failed", "1 field is invalid", [
          { path: "password", message: "choose a password different from the temporary one" },
        ]);
    }
    if (self && (changes.role === "agent" || changes.active === false)) await assertAnotherAdmin(tx, actor);

    const set: Partial<typeof agents.$inferInsert> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.tier !== undefined) set.tier = changes.tier;
    if (changes.skills !== undefined) set.skills = [...new Set(changes.skills)];
    if (changes.active !== undefined) set.active = changes.active;
    if (changes.available !== undefined) set.available = changes.available;
    if (changes.password !== undefined) {
      set.passwordHash = await hashPassword(changes.password);
      set.passwordChangedAt = sql`now()` as never;
      // Chosen by the agent: their own. Set by an admin for someone else: temporary if the admin says so.
      set.mustChangePassword = self ? false : (changes.temporaryPassword ?? false);
    }
    const [row] = Object.keys(set).length
      ? await tx.update(agents).set(set).where(eq(agents.id, agentId)).returning()
      : [target];

    if (changes.active === false) {
      await tx.delete(sessions).where(eq(sessions.agentId, agentId));
      await releaseAgentTickets(tx, { workspaceId: actor.workspaceId, agentId, actorId: actor.id });
    } else if (changes.password !== undefined) {
      // Keep the session that made the change (the agent stays signed in here), end the others.
      const keep = self && input.currentSessionToken ? sha256(input.currentSessionToken) : "";
      await tx.delete(sessions).where(and(eq(sessions.agentId, agentId), ne(sessions.tokenHash, keep)));
    }
    const open = await countOpenTickets(tx, actor.workspaceId, [agentId]);
    return toAgentListItem(row!, open.get(agentId) ?? 0);
  });
}

/** An admin may not demote or deactivate themself if nobody else could administer the workspace. */
async function assertAnotherAdmin(db: Db, actor: AgentActor): Promise<void> {
  const others = await db
    .select({ id: agents.id })
    .from(agents)
    .where(
      and(
        eq(agents.workspaceId, actor.workspaceId),
        eq(agents.role, "admin"),
        eq(agents.active, true),
        ne(agents.id, actor.id),
      ),
    )
    .limit(1);
  if (others.length === 0) throw new ServiceError("conflict", "You are the only admin: make someone else admin first");
}
