import type { Agent } from "../../../shared/agent-api.js";
import type { agents } from "../../db/schema.js";

export function toAgent(row: typeof agents.$inferSelect): Agent {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    skills: row.skills,
    mustChangePassword: row.mustChangePassword,
  };
}
