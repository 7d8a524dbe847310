CREATE TABLE "job_leases" (
	"job_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"queue" text NOT NULL,
	"kind" text NOT NULL,
	"token" uuid NOT NULL,
	"worker_id" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_leases_job_id_pk" PRIMARY KEY("job_id")
);
--> statement-breakpoint
CREATE TABLE "sync_profiles" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"delete_missing" boolean DEFAULT false NOT NULL,
	"schedule" text,
	"next_run_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_profiles_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "sync_profiles" ADD CONSTRAINT "sync_profiles_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_leases_expires_idx" ON "job_leases" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sync_profiles_next_run_idx" ON "sync_profiles" USING btree ("next_run_at");