import { DrizzleQueryError } from "drizzle-orm/errors";
import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../server/env.js";
import { handleError } from "../../server/middleware/errors.js";
import { logger } from "../../server/observability/logger.js";

const SECRET = "whsec_QUOKKA_4410_do_not_log";
const EMAIL = "erin.okafor@personal.example";

/** A failed insert as drizzle reports it: its parameters (what the request wrote) are in the message. */
function failedInsert() {
  const cause = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
  return new DrizzleQueryError(
    'insert into "webhook_endpoints" ("url", "secret", "created_by_email") values ($1, $2, $3)',
    ["https://hooks.example/x", SECRET, EMAIL],
    cause,
  );
}

describe("an unexpected error in a request is logged without the failed query's values", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs the query with placeholders and the database's code, never its parameters", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) =>
      void lines.push(
        JSON.stringify(args, (_k, v) => (v instanceof Error ? { message: v.message, stack: v.stack } : v)),
      );
    vi.spyOn(console, "error").mockImplementation(capture);
    vi.spyOn(logger, "error").mockImplementation(capture as never);
    const app = new Hono<AppEnv>().onError(handleError).post("/boom", () => {
      throw failedInsert();
    });
    const res = await app.request("/boom", { method: "POST" });
    expect(res.status).toBe(500);
    const logged = lines.join("\n");
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(EMAIL);
    expect(logged).toContain("webhook_endpoints");
    expect(logged).toContain("23505");
    expect(await res.text()).not.toContain(SECRET);
  });
});
