CREATE TABLE "inbound_email_replies" (
	"ticket_id" uuid NOT NULL,
	"email_message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_email_replies_ticket_id_email_message_id_pk" PRIMARY KEY("ticket_id","email_message_id")
);
--> statement-breakpoint
ALTER TABLE "inbound_email_replies" ADD CONSTRAINT "inbound_email_replies_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;