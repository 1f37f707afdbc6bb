import { Hono } from "hono";
import { agentCreateSchema, agentUpdateSchema } from "../../shared/admin-api.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { readSessionCookie } from "../access/session-cookie.js";
import { createAgent } from "../services/agents/create-agent.js";
import { listAgents } from "../services/agents/list-agents.js";
import { updateAgent } from "../services/agents/update-agent.js";
import { uuidParam } from "./params.js";

export function agentRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => c.json(await listAgents(c.get("db"), { actor: c.get("actor") })));

  app.post("/", async (c) => {
    const agent = await readJson(c, agentCreateSchema, 16 * 1024);
    return c.json(await createAgent(c.get("db"), { actor: c.get("actor"), agent }), 201);
  });

  app.patch("/:id", async (c) => {
    const agentId = uuidParam(c, "id", "Agent");
    const changes = await readJson(c, agentUpdateSchema, 16 * 1024);
    const currentSessionToken = readSessionCookie(c);
    return c.json(await updateAgent(c.get("db"), { actor: c.get("actor"), agentId, changes, currentSessionToken }));
  });
  return app;
}
