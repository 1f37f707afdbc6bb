-- Ingest #16: new tickets' events wait here for their notifications job (flush-notification-outbox.ts), so the ticket's statement does not NOTIFY.
CREATE TABLE "notification_outbox" (
	"event_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_event_id_ticket_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ticket_events"("id") ON DELETE cascade ON UPDATE no action;