import { randomBytes, scryptSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ADMIN, createTestApp, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { agents } from "../../server/db/schema.js";

/** A hash as the first releases stored it (scrypt N=2^14). */
function oldHash(password: string) {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });
  return ["scrypt", 16384, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe.each(DATABASE_KINDS)("password hashing on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    // The production cost, not the suite's lowered one (HANDOFF_TEST_SCRYPT_N in vitest.config.ts).
    vi.stubEnv("HANDOFF_TEST_SCRYPT_N", "");
    database = await freshDatabase(kind);
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await database?.close();
    vi.unstubAllEnvs();
  });

  const storedHash = async () =>
    (await database.db.select({ h: agents.passwordHash }).from(agents).where(eq(agents.email, ADMIN.email)))[0]!.h;

  it("stores new passwords at OWASP's scrypt cost and moves old hashes to it at the next login", async () => {
    expect((await storedHash()).split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    await database.db
      .update(agents)
      .set({ passwordHash: oldHash(ADMIN.password) })
      .where(eq(agents.email, ADMIN.email));
    await t.login();
    const rehashed = await storedHash();
    expect(rehashed.split("$")[1]).toBe("131072");
    await t.login(); // and the new hash verifies
  });
});
