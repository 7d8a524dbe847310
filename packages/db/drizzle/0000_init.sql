-- Edited by hand after drizzle-kit generate: events is range-partitioned by month on
-- occurred_at (drizzle-kit cannot express PARTITION BY); partitions are created on write.
CREATE TABLE "api_keys" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "apps" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"did" text NOT NULL,
	"uuid" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "apps_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "teams_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "event_chain_heads" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_idempotency_keys" (
	"team_id" uuid NOT NULL,
	"key" text NOT NULL,
	"event_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_idempotency_keys_team_id_key_pk" PRIMARY KEY("team_id","key")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"team_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"id" uuid NOT NULL,
	"stream" text NOT NULL,
	"scope" text,
	"category" text,
	"action" text,
	"content" text,
	"actor_did" text,
	"actor_name" text,
	"target_type" text,
	"target_id" text,
	"target_title" text,
	"ip" text,
	"user_agent" text,
	"request_id" text,
	"payload" jsonb NOT NULL,
	"idempotency_key" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_team_id_occurred_at_seq_pk" PRIMARY KEY("team_id","occurred_at","seq")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "backups" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"user_did" text,
	"strategy" smallint NOT NULL,
	"source_url" text NOT NULL,
	"target" text NOT NULL,
	"target_name" text,
	"target_url" text,
	"status" text NOT NULL,
	"message" text,
	"progress" smallint DEFAULT 0 NOT NULL,
	"metadata" jsonb NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "backups_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"team_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"action_type" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	"target" text NOT NULL,
	"metadata" jsonb,
	"user_id" text,
	"username" text,
	"total_count" integer DEFAULT 0 NOT NULL,
	"success_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"duration" bigint DEFAULT 0 NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_runs_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "traffic_daily" (
	"team_id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"total_requests" bigint DEFAULT 0 NOT NULL,
	"failed_requests" bigint DEFAULT 0 NOT NULL,
	"excluded_hits" bigint DEFAULT 0 NOT NULL,
	"generation_time" bigint DEFAULT 0 NOT NULL,
	"unique_visitors" bigint DEFAULT 0 NOT NULL,
	"unique_files" bigint DEFAULT 0 NOT NULL,
	"unique_referrers" bigint DEFAULT 0 NOT NULL,
	"unique_not_found" bigint DEFAULT 0 NOT NULL,
	"unique_static_files" bigint DEFAULT 0 NOT NULL,
	"log_size" bigint DEFAULT 0 NOT NULL,
	"bandwidth" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "traffic_daily_team_id_app_id_day_pk" PRIMARY KEY("team_id","app_id","day")
);
--> statement-breakpoint
CREATE TABLE "traffic_daily_uniques" (
	"team_id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" smallint NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "traffic_daily_uniques_team_id_app_id_day_kind_digest_pk" PRIMARY KEY("team_id","app_id","day","kind","digest")
);
--> statement-breakpoint
CREATE TABLE "traffic_hits" (
	"team_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "traffic_hits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"app_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" smallint NOT NULL,
	"bytes" bigint NOT NULL,
	"duration_ms" integer NOT NULL,
	"visitor" text NOT NULL,
	"referrer" text,
	"user_agent" text,
	"excluded" boolean NOT NULL,
	CONSTRAINT "traffic_hits_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apps" ADD CONSTRAINT "apps_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_chain_heads" ADD CONSTRAINT "event_chain_heads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_daily" ADD CONSTRAINT "traffic_daily_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_hits" ADD CONSTRAINT "traffic_hits_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_team_created_idx" ON "api_keys" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "apps_did_key" ON "apps" USING btree ("did");--> statement-breakpoint
CREATE UNIQUE INDEX "apps_team_uuid_key" ON "apps" USING btree ("team_id","uuid");--> statement-breakpoint
CREATE INDEX "events_stream_time_idx" ON "events" USING btree ("team_id","stream","occurred_at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "events_stream_category_idx" ON "events" USING btree ("team_id","stream","category","seq");--> statement-breakpoint
CREATE INDEX "events_stream_target_idx" ON "events" USING btree ("team_id","stream","target_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "backups_app_created_idx" ON "backups" USING btree ("team_id","app_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "backups_created_idx" ON "backups" USING btree ("team_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "backups_finished_idx" ON "backups" USING btree ("team_id","finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "backups_idempotency_key" ON "backups" USING btree ("team_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "sync_runs_created_idx" ON "sync_runs" USING btree ("team_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_runs_status_idx" ON "sync_runs" USING btree ("team_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_idempotency_key" ON "sync_runs" USING btree ("team_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "traffic_hits_app_time_idx" ON "traffic_hits" USING btree ("team_id","app_id","occurred_at");