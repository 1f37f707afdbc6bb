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

/** Headers on everything the server answers; the strict CSP on the console's pages. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    // The widget's scripts load on every page of every customer: each header byte is on a visitor's wire, and a
    // script never sends a referrer of its own.
    if (c.req.path !== "/widget.js" && !c.req.path.startsWith("/widget/")) {
      c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
    if (isHttps(c.get("config").publicUrl, c.req.url)) {
      c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (c.req.path === "/console" || c.req.path.startsWith("/console/")) {
      c.header("Content-Security-Policy", CONSOLE_CSP);
      c.header("X-Frame-Options", "DENY");
    }
  };
}

/** The public URL decides (a TLS-terminating proxy forwards plain http); without one, the request's own scheme. */
export function isHttps(publicUrl: string | undefined, requestUrl: string): boolean {
  return (publicUrl ?? requestUrl).startsWith("https:");
}
