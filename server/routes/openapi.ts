import { Hono } from "hono";
import { ownOrigin } from "../access/origin.js";
import type { AppEnv } from "../env.js";
import { openApiDocument } from "../openapi/document.js";
import { referencePage } from "../openapi/reference-page.js";

/** GET /api/v1/openapi.json and GET /docs: public, generated once per process from the shared schemas. */
export function openApiRoutes() {
  const app = new Hono<AppEnv>();
  let cached: { origin: string; doc: Record<string, unknown>; html: string } | undefined;
  const built = (origin: string) => {
    if (cached?.origin !== origin) {
      const doc = openApiDocument(origin);
      cached = { origin, doc, html: referencePage(doc) };
    }
    return cached;
  };
  app.get("/api/v1/openapi.json", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    return c.json(built(ownOrigin(c)).doc);
  });
  app.get("/docs", (c) => c.html(built(ownOrigin(c)).html));
  return app;
}
