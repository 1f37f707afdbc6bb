CREATE TABLE "metrics_agent_daily" (
	"workspace_id" uuid NOT NULL,
	"grain" integer NOT NULL,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"first_agent" text NOT NULL,
	"plan" text NOT NULL,
	"agent_id" text NOT NULL,
	"escalations_sent" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_agent_daily_workspace_id_grain_day_category_first_agent_plan_agent_id_pk" PRIMARY KEY("workspace_id","grain","day","category","first_agent","plan","agent_id")
);
--> statement-breakpoint
CREATE TABLE "metrics_daily" (
	"workspace_id" uuid NOT NULL,
	"grain" integer NOT NULL,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"first_agent" text NOT NULL,
	"plan" text NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"first_contact_resolved" integer DEFAULT 0 NOT NULL,
	"escalated_resolved" integer DEFAULT 0 NOT NULL,
	"ping_pong" integer DEFAULT 0 NOT NULL,
	"escalations" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_daily_workspace_id_grain_day_category_first_agent_plan_pk" PRIMARY KEY("workspace_id","grain","day","category","first_agent","plan")
);
--> statement-breakpoint
CREATE TABLE "metrics_escalation_daily" (
	"workspace_id" uuid NOT NULL,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_escalation_daily_workspace_id_day_category_pk" PRIMARY KEY("workspace_id","day","category")
);
--> statement-breakpoint
ALTER TABLE "metrics_watermarks" ADD COLUMN "rollups_built" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_facts" ADD COLUMN "sample" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_agent_daily" ADD CONSTRAINT "metrics_agent_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD CONSTRAINT "metrics_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_escalation_daily" ADD CONSTRAINT "metrics_escalation_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_facts_escalated_sample_idx" ON "ticket_facts" USING btree ("workspace_id","sample","created_at") WHERE "ticket_facts"."escalations" > 0;