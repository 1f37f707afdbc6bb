import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores here; browser tests and PGlite instances are heavy.
    maxWorkers: 2,
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
