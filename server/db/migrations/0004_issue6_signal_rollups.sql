CREATE TABLE "metrics_signal_customers" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"plan" text NOT NULL,
	"value" text NOT NULL,
	"customer" text NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_signal_customers_workspace_id_kind_day_category_plan_value_customer_pk" PRIMARY KEY("workspace_id","kind","day","category","plan","value","customer")
);
--> statement-breakpoint
CREATE TABLE "metrics_signal_daily" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"category" text NOT NULL,
	"plan" text NOT NULL,
	"value" text NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metrics_signal_daily_workspace_id_kind_day_category_plan_value_pk" PRIMARY KEY("workspace_id","kind","day","category","plan","value")
);
--> statement-breakpoint
ALTER TABLE "metrics_signal_customers" ADD CONSTRAINT "metrics_signal_customers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_signal_daily" ADD CONSTRAINT "metrics_signal_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;