CREATE TABLE "backup_plans" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"schedule" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "backup_plans_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "backup_plans" ADD CONSTRAINT "backup_plans_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backup_plans_next_run_idx" ON "backup_plans" USING btree ("next_run_at");