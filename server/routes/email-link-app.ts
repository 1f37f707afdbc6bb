import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { ServiceError } from "../services/service-error.js";
import { UNSUBSCRIBE_CSP } from "./unsubscribe-page.js";

/**
 * A router for the pages behind links in customer emails (unsubscribe, survey): no script, never framed, never
 * cached, and an unknown, forged or altered link shows `invalidPage` with 404.
 */
export function emailLinkApp(invalidPage: () => string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", UNSUBSCRIBE_CSP);
    c.header("X-Frame-Options", "DENY");
    c.header("Cache-Control", "no-store");
  });
  app.onError((err, c) => {
    if (err instanceof ServiceError && err.code === "not_found") return c.html(invalidPage(), 404);
    throw err;
  });
  return app;
}
