import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const healthRoutes = new Hono<AppEnv>().get("/healthz", (c) => c.json({ ok: true, db: c.get("dbKind") }));
