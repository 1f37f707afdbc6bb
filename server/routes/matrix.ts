import { Hono } from "hono";
import { matrixUpdateSchema } from "../../shared/matrix.js";
import type { AppEnv } from "../env.js";
import { readJson } from "../lib/body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { getMatrix } from "../services/get-matrix.js";
import { listMatrixVersions } from "../services/list-matrix-versions.js";
import { updateMatrix } from "../services/update-matrix.js";

/** The workspace's escalation matrix: every agent reads it, admins save new versions. */
export function matrixRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());
  app.get("/", async (c) => c.json(await getMatrix(c.get("db"), { workspaceId: c.get("agent").workspaceId })));
  app.get("/versions", async (c) => c.json(await listMatrixVersions(c.get("db"), { workspaceId: c.get("agent").workspaceId })));
  app.put("/", async (c) => {
    const body = await readJson(c, matrixUpdateSchema, 512 * 1024);
    return c.json(await updateMatrix(c.get("db"), { agent: c.get("agent"), body }));
  });
  return app;
}
