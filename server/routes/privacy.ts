import { Readable } from "node:stream";
import { Hono } from "hono";
import { customerSelectorSchema, retentionSettingsSchema } from "../../shared/privacy-api.js";
import type { AppEnv } from "../env.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { assertAdmin } from "../access/admin-only.js";
import { deleteTicket } from "../services/privacy/delete-ticket.js";
import { eraseCustomer } from "../services/privacy/erase-customer.js";
import { exportCustomer } from "../services/privacy/export-customer.js";
import { listPrivacyAudit } from "../services/privacy/list-privacy-audit.js";
import { getRetentionSettings, updateRetentionSettings } from "../services/privacy/retention-settings.js";
import { runRetentionSweep } from "../services/privacy/run-retention-sweep.js";
import { readJson } from "./body.js";
import { uuidParam } from "./params.js";

/** Retention, erasure, export and the privacy audit (admins only), under /api/v1/privacy. */
export function privacyRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/retention", async (c) => c.json(await getRetentionSettings(c.get("db"), { actor: c.get("actor") })));

  app.put("/retention", async (c) => {
    const settings = await readJson(c, retentionSettingsSchema, 4 * 1024);
    return c.json(await updateRetentionSettings(c.get("db"), { actor: c.get("actor"), settings }));
  });

  // The sweep runs hourly on its own; this runs it now (after a settings change, or from a test).
  app.post("/retention/run", async (c) => {
    assertAdmin(c.get("actor"));
    const { workspaceId, id: actorId } = c.get("actor");
    return c.json(await runRetentionSweep(c.get("db"), c.get("blobs"), { requestedBy: { workspaceId, actorId } }));
  });

  app.post("/erase", async (c) => {
    const who = await readJson(c, customerSelectorSchema, 4 * 1024);
    return c.json(await eraseCustomer(c.get("db"), c.get("blobs"), { actor: c.get("actor"), who }));
  });

  // POST, not GET: the customer's email stays out of URLs and access logs.
  app.post("/export", async (c) => {
    const who = await readJson(c, customerSelectorSchema, 4 * 1024);
    const { filename, body } = await exportCustomer(c.get("db"), c.get("blobs"), { actor: c.get("actor"), who });
    c.header("Content-Type", "application/gzip");
    c.header("Content-Disposition", `attachment; filename="${filename}"`);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-store");
    return c.body(Readable.toWeb(body) as ReadableStream);
  });

  app.get("/audit", async (c) => c.json(await listPrivacyAudit(c.get("db"), { actor: c.get("actor") })));
  return app;
}

/** DELETE /api/v1/tickets/:id (admins): the ticket, its messages, recording and attachments, for good. */
export function ticketDeletionRoutes() {
  const app = new Hono<AppEnv>();
  app.delete("/:id", sameOriginOnly(), requireAgent(), async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    await deleteTicket(c.get("db"), c.get("blobs"), { actor: c.get("actor"), ticketId });
    return c.body(null, 204);
  });
  return app;
}
