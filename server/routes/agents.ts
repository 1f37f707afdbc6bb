import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { agentCreateSchema, agentUpdateSchema } from "../../shared/admin-api.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly, SESSION_COOKIE } from "../middleware/agent-auth.js";
import { createAgent } from "../services/agents/create-agent.js";
import { listAgents } from "../services/agents/list-agents.js";
import { updateAgent } from "../services/agents/update-agent.js";
import { uuidParam } from "./params.js";

export function agentRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => c.json(await listAgents(c.get("db"), { workspaceId: c.get("agent").workspaceId })));

  app.post("/", async (c) => {
    const agent = await readJson(c, agentCreateSchema, 16 * 1024);
    return c.json(await createAgent(c.get("db"), { actor: c.get("agent"), agent }), 201);
  });

  app.patch("/:id", async (c) => {
    const agentId = uuidParam(c, "id", "Agent");
    const changes = await readJson(c, agentUpdateSchema, 16 * 1024);
    const currentSessionToken = getCookie(c, SESSION_COOKIE);
    return c.json(await updateAgent(c.get("db"), { actor: c.get("agent"), agentId, changes, currentSessionToken }));
  });
  return app;
}
