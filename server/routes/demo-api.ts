import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { errorResponse } from "../middleware/errors.js";
import { demoIdentity } from "../services/workspace/demo-identity.js";

const OWNERS = ["Dana Whitfield", "Luis Ortega", "Priya Raman", "Tomás Berg", "Mei Chen"];
const NAMES = [
  "Quarterly revenue",
  "Churn by cohort",
  "Active seats",
  "Pipeline by stage",
  "Support backlog",
  "Invoice aging",
  "Usage by region",
  "Trial conversions",
];

/** The demo SaaS app's own backend: realistic data, and an export that fails so there is something to report. */
export function demoApiRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/reports", (c) =>
    c.json(
      NAMES.map((name, i) => ({
        id: `rep_${1000 + i}`,
        name,
        owner: OWNERS[i % OWNERS.length],
        updatedAt: new Date(Date.UTC(2026, 10, 28 - i, 9 + i)).toISOString(),
        status: i % 3 === 2 ? "draft" : "published",
      })),
    ),
  );
  app.post("/export", (c) => errorResponse(c, "internal", "Export worker timed out after 30000 ms"));
  app.post("/settings", (c) => c.json({ saved: true }));
  // What a real host app's backend does: signs the user id with the workspace's identity secret.
  app.get("/me", async (c) => c.json(await demoIdentity(c.get("db"), { siteKey: c.get("config").demoSiteKey })));
  return app;
}
