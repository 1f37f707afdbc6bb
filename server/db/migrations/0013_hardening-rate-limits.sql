-- Rate-limit counters shared by every server process (server/middleware/rate-limit.ts). UNLOGGED: losing them in a crash costs one window.
CREATE UNLOGGED TABLE IF NOT EXISTS "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rate_limit_counters_reset_idx" ON "rate_limit_counters" ("reset_at");
