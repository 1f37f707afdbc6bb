import { Hono } from "hono";
import { tokenCreateSchema } from "../../shared/tokens-api.js";
import type { AppEnv } from "../env.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { createApiToken } from "../services/tokens/create-api-token.js";
import { listApiTokens } from "../services/tokens/list-api-tokens.js";
import { revokeApiToken } from "../services/tokens/revoke-api-token.js";
import { readJson } from "./body.js";
import { uuidParam } from "./params.js";

/** API tokens (admin): contract in shared/tokens-api.ts. */
export function tokenRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => c.json(await listApiTokens(c.get("db"), { actor: c.get("actor") })));

  app.post("/", async (c) => {
    const body = await readJson(c, tokenCreateSchema, 4 * 1024);
    c.header("Cache-Control", "no-store");
    return c.json(await createApiToken(c.get("db"), { actor: c.get("actor"), body }), 201);
  });

  app.delete("/:id", async (c) => {
    await revokeApiToken(c.get("db"), { actor: c.get("actor"), tokenId: uuidParam(c, "id", "Token") });
    return c.body(null, 204);
  });
  return app;
}
