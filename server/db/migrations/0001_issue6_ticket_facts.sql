CREATE TABLE "metrics_watermarks" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_facts" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"category" text,
	"plan" text,
	"first_agent_id" uuid,
	"resolver_id" uuid,
	"resolved_at" timestamp with time zone,
	"first_escalated_at" timestamp with time zone,
	"ms_to_first_escalation" bigint,
	"ms_resolution_after_escalation" bigint,
	"ms_to_resolution" bigint,
	"escalations" integer DEFAULT 0 NOT NULL,
	"bounces" integer DEFAULT 0 NOT NULL,
	"reopens" integer DEFAULT 0 NOT NULL,
	"ping_pong" boolean DEFAULT false NOT NULL,
	"first_contact_resolved" boolean DEFAULT false NOT NULL,
	"agents_touched" integer DEFAULT 0 NOT NULL,
	"escalated_by" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failing_endpoint" text,
	"error_fingerprint" text,
	"last_event_id" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metrics_watermarks" ADD CONSTRAINT "metrics_watermarks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_facts" ADD CONSTRAINT "ticket_facts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_facts" ADD CONSTRAINT "ticket_facts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_facts_workspace_created_idx" ON "ticket_facts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_facts_workspace_escalated_idx" ON "ticket_facts" USING btree ("workspace_id","first_escalated_at");--> statement-breakpoint
CREATE INDEX "ticket_events_workspace_id_idx" ON "ticket_events" USING btree ("workspace_id","id");