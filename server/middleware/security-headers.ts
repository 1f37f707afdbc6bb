import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";

/**
 * The console shows what strangers uploaded, so it runs as a locked-down origin: only its own scripts, never framed,
 * no <base> or plugin tricks, forms and fetches to itself only.
 */
export const CONSOLE_CSP = [
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  // The replay's iframe is about:blank; a recorded <meta http-equiv=refresh> must not navigate it anywhere else.
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/**
 * Headers on everything the server answers; the strict CSP on the console's pages. Set before the handler answers, so
 * its c.json()/c.body() carries them: a header added to a built response makes Hono copy it and @hono/node-server
 * write it through a web stream (see cors.ts). A handler that returns a Response of its own gets them afterwards.
 */
export function securityHeaders(config: { publicUrl?: string }): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    const headers = headersFor(c.req.path, isHttps(config.publicUrl, c.req.url));
    for (const [name, value] of headers) c.header(name, value);
    await next();
    if (!c.res.headers.has("X-Content-Type-Options")) for (const [name, value] of headers) c.header(name, value);
  };
}

function headersFor(path: string, https: boolean): [string, string][] {
  const headers: [string, string][] = [["X-Content-Type-Options", "nosniff"]];
  // The widget's scripts load on every page of every customer: each header byte is on a visitor's wire, and a
  // script never sends a referrer of its own.
  if (path !== "/widget.js" && !path.startsWith("/widget/")) {
    headers.push(["Referrer-Policy", "strict-origin-when-cross-origin"]);
  }
  if (https) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  if (path === "/console" || path.startsWith("/console/")) {
    headers.push(["Content-Security-Policy", CONSOLE_CSP], ["X-Frame-Options", "DENY"]);
  }
  return headers;
}

/** The public URL decides (a TLS-terminating proxy forwards plain http); without one, the request's own scheme. */
export function isHttps(publicUrl: string | undefined, requestUrl: string): boolean {
  return (publicUrl ?? requestUrl).startsWith("https:");
}
