import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./server/db/schema.ts", "./server/db/schema-metrics.ts", "./server/db/schema-notifications.ts"],
  out: "./server/db/migrations",
});
