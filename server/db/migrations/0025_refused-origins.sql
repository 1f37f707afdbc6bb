CREATE TABLE "refused_origins" (
	"workspace_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"refusals" integer NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refused_origins_workspace_id_origin_pk" PRIMARY KEY("workspace_id","origin")
);
--> statement-breakpoint
ALTER TABLE "refused_origins" ADD CONSTRAINT "refused_origins_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refused_origins_recent" ON "refused_origins" USING btree ("workspace_id","last_seen_at");