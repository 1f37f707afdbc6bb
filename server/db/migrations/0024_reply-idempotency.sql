ALTER TABLE "messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_ticket_idempotency_key" ON "messages" USING btree ("ticket_id","idempotency_key");