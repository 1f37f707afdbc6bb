CREATE TABLE "live_connection_counts" (
	"holder" text NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "live_connection_counts_holder_key_pk" PRIMARY KEY("holder","key")
);
--> statement-breakpoint
CREATE INDEX "live_connection_counts_key" ON "live_connection_counts" USING btree ("key");