import { Hono } from "hono";
import { loginSchema } from "../../shared/agent-api.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "../access/session-cookie.js";
import { clientAddress, enforceRateLimit } from "../middleware/rate-limit.js";
import { logIn } from "../services/agents/log-in.js";
import { logOut } from "../services/agents/log-out.js";

export function authRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly());

  app.post("/login", async (c) => {
    const body = await readJson(c, loginSchema, 16 * 1024);
    // Each attempt is counted before the password is checked (a parallel burst gets no extra guesses) and given back
    // when it succeeds: failures per address (IPv6 per /64) and per account, whichever address they come from.
    const refund = await enforceRateLimit(c, {
      layers: [
        { name: "login-address", limit: 10, windowMs: 15 * 60_000, key: (c) => clientAddress(c) },
        { name: "login-account", limit: 20, windowMs: 15 * 60_000, key: () => body.email.toLowerCase() },
      ],
      message: "Too many login attempts; wait a few minutes and try again",
    });
    const { agent, token, expiresAt } = await logIn(c.get("db"), { ...body, ttlMs: c.get("config").sessionTtlMs });
    await refund();
    writeSessionCookie(c, token, expiresAt);
    return c.json(agent);
  });

  app.post("/logout", async (c) => {
    const token = readSessionCookie(c);
    if (token) await logOut(c.get("db"), { token });
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.get("/me", requireAgent(), (c) => {
    const { kind: _, ...agent } = c.get("actor");
    return c.json(agent);
  });
  return app;
}
