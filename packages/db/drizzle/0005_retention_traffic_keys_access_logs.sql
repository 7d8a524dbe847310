CREATE TABLE "chain_anchors" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"cut_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_policies" (
	"team_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"days" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_policies_team_id_stream_pk" PRIMARY KEY("team_id","stream")
);
--> statement-breakpoint
CREATE TABLE "app_access_logs" (
	"team_id" uuid NOT NULL,
	"app_id" uuid NOT NULL,
	"path" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "app_access_logs_team_id_app_id_pk" PRIMARY KEY("team_id","app_id")
);
--> statement-breakpoint
ALTER TABLE "traffic_hits" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "chain_anchors" ADD CONSTRAINT "chain_anchors_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_access_logs" ADD CONSTRAINT "app_access_logs_app_fk" FOREIGN KEY ("team_id","app_id") REFERENCES "public"."apps"("team_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "traffic_hits_idempotency_key" ON "traffic_hits" USING btree ("team_id","app_id","idempotency_key") WHERE idempotency_key is not null;