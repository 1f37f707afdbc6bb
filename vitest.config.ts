import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A hung test fails either way; a slow one on a loaded 2-core CI box (three times its usual time) should not.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores here; browser tests and PGlite instances are heavy.
    maxWorkers: 2,
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
