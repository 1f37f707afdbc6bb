import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./server/db/schema.ts",
    "./server/db/schema-metrics.ts",
    "./server/db/schema-events.ts",
    "./server/db/schema-tokens.ts",
    "./server/db/schema-storage.ts",
    "./server/db/schema-ops.ts",
    "./server/db/schema-hardening.ts",
    "./server/db/schema-notifications.ts",
  ],
  out: "./server/db/migrations",
});
