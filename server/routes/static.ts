import { Hono, type Context } from "hono";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { AppEnv } from "../env.js";
import { errorResponse } from "../middleware/errors.js";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".woff2": "font/woff2",
};

/** A file under root, or undefined; never outside root. */
async function readUnder(dir: string, relative: string): Promise<{ body: Buffer; type: string } | undefined> {
  const root = resolve(dir);
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return { body: await readFile(path), type: MIME[extname(path)] ?? "application/octet-stream" };
  } catch {
    return undefined;
  }
}

function send(c: Context<AppEnv>, file: { body: Buffer; type: string }, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header("Content-Type", file.type);
  return c.body(new Uint8Array(file.body));
}

const missingBuild = (c: Context<AppEnv>, what: string) =>
  errorResponse(c, "not_found", `${what} is not built; run "npm run build" (npm start does it)`);

/** The widget (CORS: it runs on customers' pages), the console SPA, and the demo site. */
export function staticRoutes() {
  const app = new Hono<AppEnv>();
  const widgetHeaders = (immutable: boolean) => ({
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
  });

  app.get("/widget.js", async (c) => {
    const file = await readUnder(`${c.get("config").distDir}/widget`, "widget.js");
    return file ? send(c, file, widgetHeaders(false)) : missingBuild(c, "The widget");
  });
  app.get("/widget/*", async (c) => {
    const rel = c.req.path.slice("/widget/".length);
    const file = await readUnder(`${c.get("config").distDir}/widget`, rel);
    // Hashed chunk names never change content; entry names (app.js…) must stay fresh.
    return file
      ? send(c, file, widgetHeaders(/-[\w-]{8,}\.\w+$/.test(rel)))
      : errorResponse(c, "not_found", "No such widget file");
  });

  app.get("/console", (c) => c.redirect("/console/"));
  app.get("/console/*", async (c) => {
    const root = `${c.get("config").distDir}/console`;
    const rel = c.req.path.slice("/console/".length);
    const file =
      (rel && (await readUnder(root, rel))) || (!rel.startsWith("assets/") && (await readUnder(root, "index.html")));
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
    const file = (rel && (await readUnder(root, rel))) || (!extname(rel) && (await readUnder(root, "index.html")));
    return file ? send(c, file, { "Cache-Control": "no-cache" }) : errorResponse(c, "not_found", "No such demo file");
  });
  return app;
}
