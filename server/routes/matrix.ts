import { Hono } from "hono";
import { escalationSettingsUpdateSchema } from "../../shared/escalation-settings.js";
import { matrixUpdateSchema } from "../../shared/matrix.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { getEscalationSettings } from "../services/escalation/get-escalation-settings.js";
import { getMatrix } from "../services/routing/get-matrix.js";
import { listQueues } from "../services/tickets/list-queues.js";
import { updateEscalationSettings } from "../services/escalation/update-escalation-settings.js";
import { listMatrixVersions } from "../services/routing/list-matrix-versions.js";
import { updateMatrix } from "../services/routing/update-matrix.js";

/** The workspace's escalation matrix, its queues and thresholds: every agent reads them, admins change them. */
export function matrixRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());
  app.get("/", async (c) => c.json(await getMatrix(c.get("db"), { actor: c.get("actor") })));
  app.get("/versions", async (c) => c.json(await listMatrixVersions(c.get("db"), { actor: c.get("actor") })));
  app.put("/", async (c) => {
    const body = await readJson(c, matrixUpdateSchema, 512 * 1024);
    return c.json(await updateMatrix(c.get("db"), { actor: c.get("actor"), body }));
  });
  app.get("/queues", async (c) => c.json(await listQueues(c.get("db"), { actor: c.get("actor") })));
  app.get("/settings", async (c) => c.json(await getEscalationSettings(c.get("db"), { actor: c.get("actor") })));
  app.put("/settings", async (c) => {
    const settings = await readJson(c, escalationSettingsUpdateSchema, 16 * 1024);
    return c.json(await updateEscalationSettings(c.get("db"), { actor: c.get("actor"), settings }));
  });
  return app;
}
