import { defineConfig } from "vitest/config";
import { PGLITE_TEMPLATE } from "./tests/helpers/pglite-template.js";
import { postgresTemplateName } from "./tests/helpers/postgres-template.js";

// CI (CI=true or HANDOFF_REQUIRE_ALL=1) on a shared 2-core box: a failed test is tried once more, as Playwright advises for
// browser tests in CI; one that fails twice fails the run, and one that passed only the second time is named at the
// end by the flaky reporter. Locally a failure is a failure.
const CI = process.env.CI === "true" || process.env.HANDOFF_REQUIRE_ALL === "1";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A hung test fails either way; a slow one on a loaded 2-core CI box (three times its usual time) should not.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    retry: CI ? 1 : 0,
    reporters: ["default", "./tests/helpers/flaky-reporter.ts"],
    // Two cores here; browser tests and PGlite instances are heavy.
    maxWorkers: 2,
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Passwords are hashed at scrypt N=2^10 instead of OWASP's 2^17 (server/lib/crypto.ts; honoured only under
    // NODE_ENV=test): a hash there takes up to 1.4 s on this loaded 2-core box and the suite hashes hundreds.
    // tests/integration/password-rehash.test.ts and tests/unit/password-cost.test.ts keep the production cost covered;
    // HANDOFF_TEST_SCRYPT_N=131072 runs everything at it.
    // In-memory PGlite databases start from one migrated in the global setup (server/db/client.ts, NODE_ENV=test only)
    // instead of running PGlite's initdb again: 3-15 s each on this box. PostgreSQL test databases are copies of one
    // migrated template (tests/helpers/postgres-template.ts).
    env: {
      HANDOFF_TEST_SCRYPT_N: process.env.HANDOFF_TEST_SCRYPT_N ?? "1024",
      HANDOFF_TEST_PGLITE_TEMPLATE: process.env.HANDOFF_TEST_PGLITE_TEMPLATE ?? PGLITE_TEMPLATE,
      HANDOFF_TEST_POSTGRES_TEMPLATE:
        process.env.HANDOFF_TEST_POSTGRES_TEMPLATE ?? postgresTemplateName(process.env.TEST_DATABASE_URL),
    },
  },
});
