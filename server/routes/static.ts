import { Hono, type Context } from "hono";
import { extname } from "node:path";
import type { AppEnv } from "../env.js";
import { errorResponse } from "../middleware/errors.js";
import { isFresh, readUnder, type StaticFile } from "./static-files.js";

/**
 * Sends a built file: compressed as the client accepts (Vary says so), with an ETag unless immutable; 304 when the
 * client's copy is current. Extra headers (CORS, caching) go on both.
 */
async function serve(c: Context<AppEnv>, dir: string, rel: string, headers: Record<string, string> = {}) {
  const file = await readUnder(dir, rel, c.req.header("Accept-Encoding"));
  if (!file) return undefined;
  return send(c, file, headers);
}

function send(c: Context<AppEnv>, file: StaticFile, headers: Record<string, string>) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header("Vary", "Accept-Encoding");
  // Every byte of a widget response counts on the customer's page; a request id is of no use for a static file, nor
  // an ETag for an immutable one (never revalidated: its name changes with its content).
  c.header("X-Request-Id", undefined);
  if (!headers["Cache-Control"]?.includes("immutable")) {
    c.header("ETag", file.etag);
    if (isFresh(c.req.header("If-None-Match"), file.etag)) return c.body(null, 304);
  }
  c.header("Content-Type", file.type);
  if (file.encoding) c.header("Content-Encoding", file.encoding);
  return c.body(file.body);
}

const missingBuild = (c: Context<AppEnv>, what: string) =>
  errorResponse(c, "not_found", `${what} is not built; run "npm run build" (npm start does it)`);

/** The widget (CORS: it runs on customers' pages), the console SPA, and the demo site. */
export function staticRoutes() {
  const app = new Hono<AppEnv>();
  const widgetHeaders = (immutable: boolean) => ({
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
  });

  app.get("/widget.js", async (c) => {
    // A classic <script> is a no-cors request: a page with Cross-Origin-Embedder-Policy: require-corp needs CORP to
    // run it. The chunks are module imports (CORS requests, which CORP does not apply to): 47 B less each on the wire.
    const headers = { ...widgetHeaders(false), "Cross-Origin-Resource-Policy": "cross-origin" };
    const response = await serve(c, `${c.get("config").distDir}/widget`, "widget.js", headers);
    return response ?? missingBuild(c, "The widget");
  });
  app.get("/widget/*", async (c) => {
    const rel = c.req.path.slice("/widget/".length);
    // Hashed chunk names never change content; entry names (app.js…) must stay fresh (short max-age + ETag).
    const response = await serve(
      c,
      `${c.get("config").distDir}/widget`,
      rel,
      widgetHeaders(/-[\w-]{8,}\.\w+$/.test(rel)),
    );
    return response ?? errorResponse(c, "not_found", "No such widget file");
  });

  app.get("/console", (c) => c.redirect("/console/"));
  app.get("/console/*", async (c) => {
    const root = `${c.get("config").distDir}/console`;
    const rel = c.req.path.slice("/console/".length);
    const encoding = c.req.header("Accept-Encoding");
    const file =
      (rel && (await readUnder(root, rel, encoding))) ||
      (!rel.startsWith("assets/") && (await readUnder(root, "index.html", encoding)));
    if (!file)
      return rel.startsWith("assets/") ? errorResponse(c, "not_found", "No such file") : missingBuild(c, "The console");
    return send(c, file, {
      "Cache-Control": rel.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });

  app.get("/", (c) => c.redirect("/demo/"));
  app.get("/demo", (c) => c.redirect("/demo/"));
  app.get("/demo/*", async (c) => {
    const rel = c.req.path.slice("/demo/".length);
    const root = c.get("config").demoDir;
    // The demo is a single-page app: unknown paths get its index.html.
    const encoding = c.req.header("Accept-Encoding");
    const file =
      (rel && (await readUnder(root, rel, encoding))) ||
      (!extname(rel) && (await readUnder(root, "index.html", encoding)));
    return file ? send(c, file, { "Cache-Control": "no-cache" }) : errorResponse(c, "not_found", "No such demo file");
  });
  return app;
}
