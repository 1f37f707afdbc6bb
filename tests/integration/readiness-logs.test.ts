import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/db/client.js";
import { lifecycle } from "../../server/observability/lifecycle.js";
import { logger } from "../../server/observability/logger.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

/**
 * Load balancers probe /readyz through every start and every shutdown: the 503 they get then is the design working,
 * logged as a request, not as a failure; a 503 because the database is gone stays an error.
 */
describe.each(DATABASE_KINDS)("readiness probes in the logs on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(async () => {
    lifecycle.starting = false;
    lifecycle.draining = false;
    await database?.close();
  });

  it("a 503 while starting or draining is not logged as a failed request", async () => {
    const errors = vi.spyOn(logger, "error");
    try {
      for (const state of ["starting", "draining"] as const) {
        lifecycle[state] = true;
        const res = await t.request("/readyz");
        lifecycle[state] = false;
        expect(res.status).toBe(503);
      }
      expect(errors).not.toHaveBeenCalled();
      expect((await t.request("/readyz")).status).toBe(200);
    } finally {
      errors.mockRestore();
    }
  });
});
