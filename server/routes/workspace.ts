import { Hono } from "hono";
import { siteKeyCreateSchema, workspaceUpdateSchema } from "../../shared/admin-api.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { createSiteKey } from "../services/workspace/create-site-key.js";
import { getWorkspaceSettings } from "../services/workspace/get-workspace-settings.js";
import { revokeSiteKey } from "../services/workspace/revoke-site-key.js";
import { rotateIdentitySecret } from "../services/workspace/rotate-identity-secret.js";
import { updateWorkspace } from "../services/workspace/update-workspace.js";

/** Admin settings of the signed-in agent's workspace. */
export function workspaceRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => c.json(await getWorkspaceSettings(c.get("db"), { actor: c.get("actor") })));

  app.patch("/", async (c) => {
    const changes = await readJson(c, workspaceUpdateSchema, 32 * 1024);
    return c.json(await updateWorkspace(c.get("db"), { actor: c.get("actor"), changes }));
  });

  app.post("/site-keys", async (c) => {
    const { label } = await readJson(c, siteKeyCreateSchema, 4 * 1024);
    return c.json(await createSiteKey(c.get("db"), { actor: c.get("actor"), label }), 201);
  });

  app.delete("/site-keys/:key", async (c) => {
    await revokeSiteKey(c.get("db"), { actor: c.get("actor"), key: c.req.param("key").slice(0, 200) });
    return c.body(null, 204);
  });

  app.post("/identity-secret/rotate", async (c) =>
    c.json(await rotateIdentitySecret(c.get("db"), { actor: c.get("actor") })),
  );
  return app;
}
